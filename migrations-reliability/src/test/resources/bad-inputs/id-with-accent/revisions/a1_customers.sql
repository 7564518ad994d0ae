-- revision: créer_1
-- down_revision: base
-- message: create créer_1

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);

-- +downgrade
