-- revision: 0001
-- down_revision: base
-- message: customers

-- +upgrade
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, full_name text NOT NULL);

-- +downgrade
DROP TABLE customers;
