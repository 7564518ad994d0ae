-- revision: a1
-- down_revision: base
-- message: create a1

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE FUNCTION customer_count() RETURNS bigint AS $$
  SELECT count(*) FROM customers;
LANGUAGE sql;

-- +downgrade
