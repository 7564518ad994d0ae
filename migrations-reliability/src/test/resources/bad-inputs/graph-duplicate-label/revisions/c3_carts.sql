-- revision: c3
-- down_revision: a1
-- message: create c3
-- branch_labels: shop

-- +upgrade
CREATE TABLE carts (id bigint PRIMARY KEY);

-- +downgrade
