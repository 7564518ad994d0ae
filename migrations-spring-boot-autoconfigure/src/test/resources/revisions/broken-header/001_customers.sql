-- revision: 001
-- down_revison: base
-- message: create customers

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
