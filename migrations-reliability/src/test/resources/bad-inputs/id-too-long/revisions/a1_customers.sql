-- revision: rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
-- down_revision: base

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
