-- revision: 001
-- down_revision: base
-- message: create customers

-- +upgrade
CREATE TABLE customers (
	id bigint PRIMARY KEY,
	name text NOT NULL
);
INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace');

-- +downgrade
DROP TABLE customers;
