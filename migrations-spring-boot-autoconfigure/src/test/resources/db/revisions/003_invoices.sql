-- revision: 003
-- down_revision: 001
-- branch_labels: invoices
-- message: create invoices

-- +upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));

-- +downgrade
DROP TABLE invoices;
