-- revision: b2
-- down_revision: a1
-- message: create b2
-- branch_labels: shop

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);

-- +downgrade
