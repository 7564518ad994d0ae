-- revision: ab1
-- down_revision: base
-- message: create ab1

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
