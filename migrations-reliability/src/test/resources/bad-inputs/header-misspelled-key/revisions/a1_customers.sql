-- revision: a1
-- down_revison: base

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
