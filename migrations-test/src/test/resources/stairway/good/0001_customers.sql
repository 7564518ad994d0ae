-- revision: 0001
-- down_revision: base
-- message: customers

-- +upgrade
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);

-- +downgrade
DROP TABLE customers;
