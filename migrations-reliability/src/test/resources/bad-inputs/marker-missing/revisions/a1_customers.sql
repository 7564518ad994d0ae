-- revision: a1
-- down_revision: base

CREATE TABLE customers (id bigint PRIMARY KEY);
