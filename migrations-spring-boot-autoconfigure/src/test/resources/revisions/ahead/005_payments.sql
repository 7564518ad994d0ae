-- revision: 005
-- down_revision: 004
-- message: create payments

-- +upgrade
CREATE TABLE payments (id bigint PRIMARY KEY);

-- +downgrade
DROP TABLE payments;
