-- revision: a1
-- down_revision: base
-- message: create a1

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY, name text);
INSERT INTO customers VALUES (1, 'O''Brien);
INSERT INTO customers VALUES (2, 'Ruiz');

-- +downgrade
