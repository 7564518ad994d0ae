-- revision: i03
-- down_revision: i02
-- message: CONCURRENTLY outside a transaction (diesel metadata.toml run_in_transaction = false), without a lock_timeout
-- transactional: false
-- +upgrade
-- source: crates.io migrations/2024-03-05-120032_add-crate-downloads-index/up.sql (run_in_transaction = false)
-- why: CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE: writes go on, so no lock_timeout is needed
-- expect: ok
create index concurrently if not exists crate_downloads_downloads_crate_id_index
    on crate_downloads (downloads desc, crate_id desc);
-- source: crates.io migrations/2024-02-12-120203_remove_unused_index/up.sql (run_in_transaction = false)
-- why: DROP INDEX CONCURRENTLY waits for conflicting transactions without locking out selects, inserts, updates, deletes
-- expect: ok
DROP INDEX CONCURRENTLY IF EXISTS index_follows_user_id;
-- source: crates.io migrations/2024-10-25-112826_make-unique-version-unique/up.sql (run_in_transaction = false)
-- why: as above, unique
-- expect: ok
create unique index concurrently if not exists versions_crate_id_num_no_build_uindex
    on versions (crate_id, num_no_build);
-- source: crates.io migrations/2026-07-30-140000-0000_add_users_username_index/up.sql (run_in_transaction = false)
-- why: as above, expression index
-- expect: ok
CREATE INDEX CONCURRENTLY IF NOT EXISTS index_users_canon_username
ON users (canon_username(username));
-- source: PostgreSQL docs, REINDEX examples
-- why: REINDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE and may not run in a transaction block; here it does not
-- expect: ok
REINDEX TABLE CONCURRENTLY my_broken_table;
