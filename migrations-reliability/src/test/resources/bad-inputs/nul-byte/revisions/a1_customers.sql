-- revision: a1
-- down_revision: base
-- message: create customers

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
DROP TABLE customers;
