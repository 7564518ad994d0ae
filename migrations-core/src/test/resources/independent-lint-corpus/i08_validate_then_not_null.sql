-- revision: i08
-- down_revision: i07
-- message: the documented way to SET NOT NULL, second step, in a later revision
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io make_username_not_null after the ALTER TABLE docs
-- why: VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE: the scan blocks no reads or writes
-- expect: ok
ALTER TABLE users VALIDATE CONSTRAINT users_username_not_null;
-- source: crates.io migrations/2026-06-06-120000-0000_make_username_not_null/up.sql
-- why: a valid CHECK (username IS NOT NULL) exists, so "the table scan is skipped" (ALTER TABLE docs)
-- expect: ok
alter table users
    alter column username set not null;
-- source: crates.io make_username_not_null after the ALTER TABLE docs
-- why: dropping the now redundant check is catalog-only
-- expect: ok
ALTER TABLE users DROP CONSTRAINT users_username_not_null;
-- source: crates.io versions_num_max_length, validated in a later revision
-- why: SHARE UPDATE EXCLUSIVE for the scan
-- expect: ok
ALTER TABLE versions VALIDATE CONSTRAINT versions_num_max_length;
