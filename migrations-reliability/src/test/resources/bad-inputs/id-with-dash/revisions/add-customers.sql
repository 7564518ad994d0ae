-- revision: add-customers
-- down_revision: base
-- message: create add-customers

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
