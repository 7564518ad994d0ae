-- revision: a1
-- down_revision: base

-- +downgrade
DROP TABLE customers;
