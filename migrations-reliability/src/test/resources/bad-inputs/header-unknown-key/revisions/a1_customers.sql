-- revision: a1
-- down_revision: base
-- author: Ana Ruiz

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
