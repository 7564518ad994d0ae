-- revision: ab2
-- down_revision: ab1
-- message: create ab2

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);

-- +downgrade
