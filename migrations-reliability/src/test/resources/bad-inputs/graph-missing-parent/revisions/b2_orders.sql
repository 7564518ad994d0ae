-- revision: b2
-- down_revision: zz9
-- message: create b2

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);

-- +downgrade
