-- revision: 0004
-- down_revision: 0002, 0003
-- message: merge the statements and meetings branches

-- Nothing runs here. The revision only joins the two heads, so that 'head' names one revision again.

-- +upgrade

-- +downgrade
