-- revision: c0023
-- down_revision: c0022
-- message: truncate, partitions, domain constraints and enum values on an earlier release's objects
-- lock_timeout: 2s
-- +upgrade
-- expect: truncate-table
TRUNCATE invoice_audit_logs;
-- expect: truncate-table
TRUNCATE TABLE ONLY visits CASCADE;
-- expect: ok
CREATE TABLE import_batches (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text);
-- expect: ok
TRUNCATE import_batches RESTART IDENTITY;
-- expect: attach-partition-without-check
ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- expect: ok
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- expect: ok
CREATE TABLE events_2026 (id bigint, at timestamptz NOT NULL);
-- expect: ok
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- expect: ok
ALTER TABLE events_2023 ADD CONSTRAINT events_2023_bounds CHECK (at >= '2023-01-01' AND at < '2024-01-01') NOT VALID;
-- expect: detach-partition-without-concurrently
ALTER TABLE events DETACH PARTITION events_2020;
-- expect: domain-constraint-scan
ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);
-- expect: ok
ALTER DOMAIN positive ADD CONSTRAINT positive_bounded CHECK (VALUE < 1000000) NOT VALID;
-- expect: domain-constraint-scan
ALTER DOMAIN positive SET NOT NULL;
-- expect: ok
CREATE DOMAIN email_address AS text;
-- expect: ok
ALTER DOMAIN email_address ADD CONSTRAINT email_address_at CHECK (VALUE LIKE '%@%');
-- expect: rename-enum-value
ALTER TYPE invoice_state RENAME VALUE 'sent' TO 'issued';
-- expect: ok
ALTER TYPE invoice_state ADD VALUE 'paid';
-- expect: ok
CREATE TYPE payment_state AS ENUM ('open', 'done');
-- expect: ok
ALTER TYPE payment_state RENAME VALUE 'done' TO 'settled';
-- expect: unique-without-index
ALTER TABLE invoice_audit_logs ADD CONSTRAINT invoice_audit_logs_one_per_invoice EXCLUDE USING btree (invoice_id WITH =);
