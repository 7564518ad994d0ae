-- revision: c0005
-- down_revision: c0004
-- message: adding columns
-- lock_timeout: 2s
-- +upgrade
-- expect: add-column-volatile-default
ALTER TABLE invoices ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
-- expect: ok
ALTER TABLE invoices ADD COLUMN reference uuid;
-- expect: ok
ALTER TABLE invoices ALTER COLUMN reference SET DEFAULT gen_random_uuid();
-- expect: add-column-volatile-default
ALTER TABLE customers ADD COLUMN import_seq bigserial;
-- expect: ok
ALTER TABLE invoices ADD COLUMN currency text DEFAULT 'COP';
-- expect: ok
ALTER TABLE invoices ADD COLUMN updated_at timestamptz DEFAULT now();
-- expect: add-column-not-null-without-default
ALTER TABLE invoices ADD COLUMN region text NOT NULL;
-- expect: ok
ALTER TABLE invoices ADD COLUMN country text NOT NULL DEFAULT 'CO';
-- expect: add-column-volatile-default
ALTER TABLE customers ADD COLUMN score double precision DEFAULT random();
-- expect: ok
ALTER TABLE customers ADD COLUMN nickname text;
-- expect: add-column-not-null-without-default
ALTER TABLE customers ADD COLUMN tier integer NOT NULL;
-- expect: ok
ALTER TABLE customers ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;
