-- revision: 0004
-- down_revision: 0002, 0003
-- message: merge orders and search

-- +upgrade

-- +downgrade
