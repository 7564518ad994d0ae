-- revision: a1
-- down_revision: base
-- author: Ana Ruiz
-- note: reviewed by DBA
-- lint: allow add-column-default (empty table)

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
