-- revision: i16
-- down_revision: i15
-- message: statements whose locks block no writes, without a lock_timeout
-- +upgrade
-- source: crates.io migrations/2024-02-07-112955_add_log_files_table/up.sql
-- why: a new table locks nothing that exists; primary key is varchar, not an integer
-- expect: ok
create table processed_log_files
(
    path   varchar not null,
    time   timestamptz not null default now(),
    constraint processed_log_files_pk
        primary key (path)
);
-- source: same file
-- why: no lock on existing data
-- expect: ok
comment on table processed_log_files is 'List of all processed CDN log files, used to avoid processing the same file multiple times.';
-- source: crates.io migrations/2023-10-19-092709_fix_semver_no_prerelease_fn/up.sql
-- why: a function, no table lock
-- expect: ok
CREATE OR REPLACE FUNCTION to_semver_no_prerelease(text) RETURNS semver_triple IMMUTABLE PARALLEL SAFE AS $$
  SELECT (
    split_part($1, '.', 1)::numeric,
    split_part($1, '.', 2)::numeric,
    split_part(split_part($1, '+', 1), '.', 3)::numeric
  )::semver_triple
  WHERE strpos(split_part($1, '+', 1), '-') = 0
  $$ LANGUAGE SQL;
-- source: crates.io migrations/2026-06-17-094708-0000_add_versions_tar_sha256/up.sql, validated in a later revision
-- why: VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE, which blocks no reads or writes: no timeout needed
-- expect: ok
ALTER TABLE versions VALIDATE CONSTRAINT versions_tar_sha256_len;
-- source: PostgreSQL docs, ALTER TABLE (SET STATISTICS takes SHARE UPDATE EXCLUSIVE)
-- why: SHARE UPDATE EXCLUSIVE: reads and writes go on
-- expect: ok
ALTER TABLE versions ALTER COLUMN num SET STATISTICS 1000;
