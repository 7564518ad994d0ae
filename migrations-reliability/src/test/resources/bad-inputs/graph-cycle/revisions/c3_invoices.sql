-- revision: c3
-- down_revision: b2
-- message: create c3

-- +upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY);

-- +downgrade
