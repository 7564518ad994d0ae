-- revision: 0002
-- down_revision: 0001
-- message: orders

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX orders_customer_idx ON customers (email);

-- +downgrade
DROP TABLE orders;
