-- revision: i07
-- down_revision: i06
-- message: the documented way to SET NOT NULL, first step (crates.io's make_username_not_null done as the docs describe)
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/2026-06-06-120000-0000_make_username_not_null/up.sql, rewritten after the ALTER TABLE docs (SET NOT NULL, NOT VALID)
-- why: NOT VALID skips the scan; the lock is brief
-- expect: ok
ALTER TABLE users ADD CONSTRAINT users_username_not_null CHECK (username IS NOT NULL) NOT VALID;
-- source: crates.io migrations/2026-06-26-100902-0000_versions_num_max_length/up.sql
-- why: NOT VALID: no scan of existing rows
-- expect: ok
ALTER TABLE versions
    ADD CONSTRAINT versions_num_max_length
    CHECK (char_length(num) <= 150) NOT VALID;
-- source: crates.io migrations/2026-06-17-094708-0000_add_versions_tar_sha256/up.sql
-- why: NOT VALID: no scan of existing rows
-- expect: ok
ALTER TABLE versions
    ADD CONSTRAINT versions_tar_sha256_len
    CHECK (octet_length(tar_sha256) = 32) NOT VALID;
