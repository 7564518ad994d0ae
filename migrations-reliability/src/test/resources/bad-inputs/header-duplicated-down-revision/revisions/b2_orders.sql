-- revision: b2
-- down_revision: a1
-- message: orders
-- down_revision: base

-- +upgrade
CREATE TABLE orders (id bigint);
