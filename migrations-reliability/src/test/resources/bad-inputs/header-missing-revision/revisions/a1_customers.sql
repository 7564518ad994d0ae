-- down_revision: base
-- message: no id

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
