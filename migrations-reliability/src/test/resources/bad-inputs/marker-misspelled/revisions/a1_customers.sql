-- revision: a1
-- down_revision: base

-- +upgarde
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
DROP TABLE customers;
