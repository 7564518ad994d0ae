-- revision: a1
-- down_revision: base
-- message: create a1
-- statement_timeout: 5 minutes

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
