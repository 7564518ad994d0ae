-- revision: i11
-- down_revision: i10
-- message: timestamp to timestamptz in UTC (crates.io's timezones migration)
-- +upgrade
-- source: crates.io migrations/2025-02-17-133723_timezones/up.sql
-- why: a session setting
-- expect: ok
SET timezone = 'UTC';
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/2025-02-17-133723_timezones/up.sql (api_tokens from i01, no index on the column)
-- why: in UTC timestamp and timestamptz are binary compatible: no rewrite (PostgreSQL 12 release notes), no index to rebuild
-- expect: ok
alter table api_tokens alter created_at type timestamptz;
-- source: crates.io migrations/2025-02-17-133723_timezones/up.sql
-- why: as above
-- expect: ok
alter table api_tokens alter last_used_at type timestamptz;
-- source: seed 004 guide: documents.upload_date TIMESTAMP (i01), converted as crates.io did
-- why: as above
-- expect: ok
ALTER TABLE documents ALTER COLUMN upload_date TYPE timestamptz;
