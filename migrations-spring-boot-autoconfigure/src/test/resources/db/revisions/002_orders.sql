-- revision: 002
-- down_revision: 001
-- branch_labels: orders
-- message: create orders

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));

-- +downgrade
DROP TABLE orders;
