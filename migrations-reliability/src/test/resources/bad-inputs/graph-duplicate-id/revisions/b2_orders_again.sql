-- revision: b2
-- down_revision: a1
-- message: create b2

-- +upgrade
CREATE TABLE orders_again (id bigint PRIMARY KEY);

-- +downgrade
