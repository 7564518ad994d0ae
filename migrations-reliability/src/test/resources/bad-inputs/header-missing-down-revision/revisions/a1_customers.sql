-- revision: a1
-- message: no parent

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
