-- revision: a1
-- down_revision: base
-- message: create a1

-- +upgrade
/* customers of the shop
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
