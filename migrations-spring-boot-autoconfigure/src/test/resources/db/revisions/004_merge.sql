-- revision: 004
-- down_revision: 002, 003
-- message: merge orders and invoices

-- +upgrade

-- +downgrade
