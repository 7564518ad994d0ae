-- revision: 002
-- down_revision: 001
-- message: create orders

-- +upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);
INSERT INTO orders (id, placed_on)
VALUES (1, now());

-- +downgrade
DROP TABLE orders;
