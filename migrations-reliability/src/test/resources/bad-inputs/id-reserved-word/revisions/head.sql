-- revision: head
-- down_revision: base
-- message: create head

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
