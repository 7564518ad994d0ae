-- revision: b2
-- down_revision: a1
-- message: orders with their lines

-- +upgrade
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    placed_at timestamptz NOT NULL DEFAULT now(),
    status text NOT NULL DEFAULT 'new',
    total_cents bigint NOT NULL DEFAULT 0,
    currency char(3) NOT NULL DEFAULT 'EUR',
    note text
);

CREATE TABLE order_lines (
    order_id bigint NOT NULL REFERENCES orders (id),
    line_no int NOT NULL,
    sku text NOT NULL,
    quantity int NOT NULL CHECK (quantity > 0),
    price_cents bigint NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE INDEX order_lines_sku_idx ON order_lines (sku);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
COMMENT ON TABLE orders IS 'One row per order placed in the shop';
COMMENT ON TABLE order_lines IS 'The items of an order';
COMMENT ON COLUMN orders.total_cents IS 'Sum of the lines, in the smallest unit of the currency';
ALTER TABLE orders ADD CONSTRAINT orders_total_not_negative CHECK (total_cents >= 0);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_price_not_negative CHECK (price_cents >= 0);

-- orders of the last 30 days, per day, for the dashboard
-- (one row per day that has orders;
-- days without orders are left out)
CREATE VIEW daily_orders AS
    SELECT date_trunc('day', o.placed_at) AS day,
           count(*) AS orders
    FROM orders o WHERE o.placed_on > now() - interval '30 days'
    GROUP BY 1;

-- +downgrade
DROP VIEW daily_orders;
DROP TABLE order_lines;
DROP TABLE orders;
