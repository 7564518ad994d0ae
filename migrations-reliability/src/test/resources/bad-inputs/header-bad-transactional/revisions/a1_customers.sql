-- revision: a1
-- down_revision: base
-- message: create a1
-- transactional: no

-- +upgrade
CREATE INDEX CONCURRENTLY x ON y (z);

-- +downgrade
