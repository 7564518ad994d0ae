-- revision: a1
-- down_revision: base
-- +upgrade
CREATE TABLE a (id int);
