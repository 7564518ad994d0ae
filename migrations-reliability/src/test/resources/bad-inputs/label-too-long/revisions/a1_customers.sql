-- revision: a1
-- down_revision: base
-- branch_labels: llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
