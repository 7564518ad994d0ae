-- revision: b2
-- down_revision: a1
-- +upgrade
CREATE TABLE b (id int);
