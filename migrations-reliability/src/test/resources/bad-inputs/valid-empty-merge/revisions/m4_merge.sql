-- revision: m4
-- down_revision: b2, c3
-- message: merge orders and meetings

-- +upgrade

-- +downgrade
