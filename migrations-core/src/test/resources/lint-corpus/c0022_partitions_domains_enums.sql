-- revision: c0022
-- down_revision: c0021
-- message: partitions, a domain and an enum for the rules after
-- lock_timeout: 2s
-- +upgrade
-- expect: ok
CREATE TABLE events (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
-- expect: ok
CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
-- expect: ok
CREATE TABLE events_2023 (id bigint, at timestamptz NOT NULL);
-- expect: ok
CREATE TABLE events_2024 (id bigint, at timestamptz NOT NULL);
-- expect: ok
CREATE TABLE events_2025 (
	id bigint,
	at timestamptz NOT NULL CHECK (at >= '2025-01-01' AND at < '2026-01-01')
);
-- expect: ok
CREATE DOMAIN positive AS numeric;
-- expect: ok
CREATE TYPE invoice_state AS ENUM ('draft', 'sent');
