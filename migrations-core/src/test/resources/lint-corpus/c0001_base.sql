-- revision: c0001
-- down_revision: base
-- message: base tables
-- lock_timeout: 2s
-- +upgrade
-- expect: ok
CREATE TABLE customers (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
-- expect: ok
CREATE TABLE invoices (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	customer_id bigint NOT NULL REFERENCES customers (id),
	status text,
	amount numeric(10,2),
	code varchar,
	legacy_code text,
	issued_at timestamptz
);
-- expect: ok
CREATE INDEX invoices_customer_idx ON invoices (customer_id);
-- expect: ok
CREATE TABLE audit_logs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, invoice_id bigint, message text);
-- expect: ok
CREATE TABLE tmp_imports (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text);
-- expect: ok
CREATE FUNCTION touch_issued_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.issued_at = coalesce(NEW.issued_at, now());
	RETURN NEW;
END
$$;
-- expect: ok
CREATE TRIGGER invoices_touch BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION touch_issued_at();
