-- revision: 001
-- down_revision: base
-- message: create a table named by a placeholder

-- +upgrade
CREATE TABLE ${table} (id bigint PRIMARY KEY);

-- +downgrade
DROP TABLE ${table};
