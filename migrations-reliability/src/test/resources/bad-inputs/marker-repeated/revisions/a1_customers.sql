-- revision: a1
-- down_revision: base

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);
