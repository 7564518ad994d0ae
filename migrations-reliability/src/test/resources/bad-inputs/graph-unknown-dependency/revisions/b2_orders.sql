-- revision: b2
-- down_revision: a1
-- message: create b2
-- depends_on: billing

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);

-- +downgrade
