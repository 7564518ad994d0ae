-- revision: i05
-- down_revision: i04
-- message: columns added to existing tables
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/2017-09-23-182408_move_tokens_to_emails_table/up.sql
-- why: random_string() is a plpgsql function declared without volatility, so VOLATILE: a volatile DEFAULT rewrites the table and its indexes under ACCESS EXCLUSIVE (ALTER TABLE notes)
-- expect: add-column-volatile-default
ALTER TABLE emails ADD COLUMN token TEXT NOT NULL DEFAULT random_string(26);
-- source: crates.io migrations/2017-09-23-182408_move_tokens_to_emails_table/up.sql
-- why: nullable, no default: catalog-only change; TIMESTAMP is without time zone (style)
-- expect: prefer-timestamptz
ALTER TABLE emails ADD COLUMN token_generated_at TIMESTAMP;
-- source: crates.io migrations/2023-12-31-153126_add_admin_column/up.sql
-- why: a non-volatile DEFAULT is evaluated once and kept in the catalog: no rewrite (ALTER TABLE notes, PostgreSQL 11+)
-- expect: ok
ALTER TABLE users ADD COLUMN is_admin BOOL DEFAULT false NOT NULL;
-- source: crates.io migrations/2023-05-25-104708_add-background-job-priority/up.sql
-- why: constant default, no rewrite; smallint but not a key
-- expect: ok
ALTER TABLE background_jobs ADD priority SMALLINT NOT NULL DEFAULT 0;
-- source: crates.io migrations/20141001190227_dumped_migration_41/up.sql
-- why: NOT NULL without a default: existing rows would hold NULL, so the statement fails on a table with rows
-- expect: add-column-not-null-without-default
ALTER TABLE users ADD COLUMN gh_login VARCHAR NOT NULL;
-- source: crates.io migrations/20141007131741_dumped_migration_67/up.sql
-- why: NOT NULL without a default fails on rows; TIMESTAMP (style)
-- expect: add-column-not-null-without-default, prefer-timestamptz
ALTER TABLE crate_owners ADD COLUMN updated_at TIMESTAMP NOT NULL;
-- source: crates.io migrations/20140925132248_dumped_migration_6/up.sql
-- why: now() is STABLE, not volatile: evaluated once, no rewrite; TIMESTAMP (style)
-- expect: prefer-timestamptz
ALTER TABLE packages ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT now();
-- source: crates.io migrations/2023-08-13-175221_faster_reverse_dependencies_query/up.sql
-- why: a STORED generated column is computed for every existing row: the table is rewritten under ACCESS EXCLUSIVE
-- expect: add-column-volatile-default
ALTER TABLE versions ADD COLUMN IF NOT EXISTS semver_no_prerelease semver_triple GENERATED ALWAYS AS (to_semver_no_prerelease(num)) STORED;
-- source: crates.io migrations/2024-11-26-155931_add-cats-and-keys-to-version/up.sql
-- why: array[]::text[] is an immutable constant: no rewrite
-- expect: ok
alter table versions
    add column categories text[] default array[]::text[] not null,
    add column keywords text[] default array[]::text[] not null;
-- source: crates.io migrations/2026-05-05-180007-0000_add_last_sync_to_oauth_github/up.sql
-- why: a constant default ('epoch'): no rewrite
-- expect: ok
ALTER TABLE oauth_github
    -- Set existing rows' last sync value to 1970.
    ADD COLUMN last_sync timestamptz NOT NULL DEFAULT 'epoch';
-- source: lemmy migrations/2021-02-02-153240_apub_columns/up.sql (community created in i01)
-- why: generate_unique_changeme() calls random() and is declared without volatility (VOLATILE): rewrite; varchar(255) (style)
-- expect: add-column-volatile-default, prefer-text
ALTER TABLE community
    ADD COLUMN followers_url varchar(255) NOT NULL DEFAULT generate_unique_changeme ();
-- source: lemmy migrations/2021-02-10-164051_add_new_comments_sort_index/up.sql
-- why: now() is stable: no rewrite; timestamp without time zone (style)
-- expect: prefer-timestamptz
ALTER TABLE post_aggregates
    ADD COLUMN newest_comment_time timestamp NOT NULL DEFAULT now();
-- source: lemmy migrations/2023-07-26-000217_create_controversial_indexes/up.sql
-- why: constant default: no rewrite
-- expect: ok
ALTER TABLE comment_aggregates
    ADD COLUMN controversy_rank float NOT NULL DEFAULT 0;
-- source: crates.io migrations/2022-08-14-090630_checksum-column/up.sql
-- why: nullable, no default: no rewrite; char(n) pads with blanks (style)
-- expect: ban-char
ALTER TABLE versions
    ADD COLUMN checksum CHAR(64) NULL;
-- source: lemmy migrations/2023-02-13-221303_add_instance_software_and_version/up.sql
-- why: nullable, no default; varchar(255) (style)
-- expect: prefer-text
ALTER TABLE instance
    ADD COLUMN software varchar(255);
-- source: crates.io migrations/2026-06-11-213312-0000_users-created-at/up.sql
-- why: DEFAULT NULL adds no value to rows; SET DEFAULT affects only later inserts
-- expect: ok
ALTER TABLE users
ADD COLUMN IF NOT EXISTS created_at TIMESTAMP WITH TIME ZONE NULL DEFAULT NULL,
ALTER COLUMN created_at
SET DEFAULT NOW();
-- source: PostgreSQL docs, ALTER TABLE examples ("existing rows will be filled with the current time")
-- why: now() is stable: one value for all rows, no rewrite
-- expect: ok
ALTER TABLE measurements
  ADD COLUMN mtime timestamp with time zone DEFAULT now();
-- source: seed 002 (Colombian invoicing guide: "Add new columns with default values"), written for its facturas table
-- why: constant default: no rewrite
-- expect: ok
ALTER TABLE facturas ADD COLUMN estado_dian text NOT NULL DEFAULT 'pendiente';
-- source: PostgreSQL docs, CREATE TABLE / ALTER TABLE identity columns, on the docs' distributors table
-- why: an identity column fills every existing row from a sequence (nextval is volatile): rewrite
-- expect: add-column-volatile-default
ALTER TABLE distributors ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
-- source: crates.io migrations/2026-06-17-155847-0000_add_version_zip_checksums/up.sql
-- why: "Adding a CHECK or NOT NULL constraint requires scanning the table" (ALTER TABLE notes): the column CHECKs are verified over every row under ACCESS EXCLUSIVE; a column constraint cannot be NOT VALID
-- expect: constraint-without-not-valid
ALTER TABLE versions
    ADD COLUMN IF NOT EXISTS zip_sha256 BYTEA NULL
        CONSTRAINT versions_zip_sha256_len CHECK (octet_length(zip_sha256) = 32),
    ADD COLUMN IF NOT EXISTS zip_json_sha256 BYTEA NULL
        CONSTRAINT versions_zip_json_sha256_len CHECK (octet_length(zip_json_sha256) = 32);
-- source: lemmy migrations/2022-10-06-183632_move_blocklist_to_db/up.sql
-- why: a foreign key added with the column is validated by scanning site (phase 3 of ALTER TABLE) while the ACCESS EXCLUSIVE lock is held, and takes SHARE ROW EXCLUSIVE on instance
-- expect: constraint-without-not-valid
ALTER TABLE site
    ADD COLUMN instance_id int REFERENCES instance ON UPDATE CASCADE ON DELETE CASCADE;
