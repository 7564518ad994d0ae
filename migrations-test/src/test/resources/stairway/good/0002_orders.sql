-- revision: 0002
-- down_revision: 0001
-- message: orders
-- branch_labels: orders
-- lock_timeout: 5s

-- +upgrade
CREATE TYPE order_status AS ENUM ('open', 'paid');
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status order_status NOT NULL DEFAULT 'open',
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();

-- +downgrade
DROP TRIGGER orders_touch ON orders;
DROP FUNCTION touch();
DROP TABLE orders;
DROP TYPE order_status;
