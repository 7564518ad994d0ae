-- revision: c3
-- down_revision: a1
-- message: create c3

-- +upgrade
CREATE TABLE meetings (id bigint PRIMARY KEY);

-- +downgrade
