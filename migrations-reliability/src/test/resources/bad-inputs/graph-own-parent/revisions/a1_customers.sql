-- revision: a1
-- down_revision: a1
-- message: create a1

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
