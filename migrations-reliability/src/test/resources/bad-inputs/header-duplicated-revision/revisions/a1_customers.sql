-- revision: a1
-- revision: a2
-- down_revision: base

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
