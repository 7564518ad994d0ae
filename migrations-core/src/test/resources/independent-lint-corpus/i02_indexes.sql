-- revision: i02
-- down_revision: i01
-- message: indexes built and dropped in transactional revisions, on tables earlier migrations created
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/20140929103749_dumped_migration_21/up.sql (crates created by an earlier migration)
-- why: CREATE INDEX takes SHARE (Explicit Locking table), which blocks INSERT/UPDATE/DELETE for the whole build
-- expect: index-without-concurrently
CREATE INDEX index_crate_updated_at ON crates (updated_at);
-- source: crates.io migrations/2023-08-13-175222_indexed_reverse_dependency_query/up.sql
-- why: IF NOT EXISTS does not change the lock: SHARE on crates while the index builds
-- expect: index-without-concurrently
CREATE INDEX IF NOT EXISTS index_crates_id_downloads_name ON crates (id, downloads, name);
-- source: crates.io migrations/20150319224701_dumped_migration_94/up.sql
-- why: a unique expression index on an existing table: SHARE for the build
-- expect: index-without-concurrently
CREATE UNIQUE INDEX index_crates_name ON crates (canon_crate_name(name));
-- source: crates.io migrations/20160717173343_dumped_migration_106/up.sql
-- why: DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table (DROP INDEX docs)
-- expect: index-without-concurrently
DROP INDEX index_crates_user_id;
-- source: crates.io migrations/2019-09-19-191534_remove-index-already-removed-in-prod/up.sql
-- why: same as above; IF EXISTS does not weaken the lock
-- expect: index-without-concurrently
DROP INDEX IF EXISTS index_version_crate_id;
-- source: lemmy migrations/2023-06-06-104440_index_post_url/up.sql
-- why: SHARE on post (created by an earlier migration) for the build
-- expect: index-without-concurrently
CREATE INDEX idx_post_url ON post (url);
-- source: lemmy migrations/2023-07-24-232635_trigram-index/up.sql
-- why: a GIN build under SHARE on an existing table
-- expect: index-without-concurrently
CREATE INDEX IF NOT EXISTS idx_person_trigram ON person USING gin (name gin_trgm_ops, display_name gin_trgm_ops);
-- source: lemmy migrations/2023-07-14-215339_aggregates_nonzero_indexes/up.sql
-- why: a partial index still scans the whole table under SHARE
-- expect: index-without-concurrently
CREATE INDEX idx_post_aggregates_nonzero_hotrank ON post_aggregates (published DESC)
WHERE
    hot_rank != 0 OR hot_rank_active != 0;
-- source: crates.io migrations/20170322130523_version_downloads_needs_no_id/up.sql
-- why: version_downloads was created by an earlier revision (i01): SHARE for the build
-- expect: index-without-concurrently
CREATE UNIQUE INDEX version_downloads_unique ON version_downloads (version_id, date);
-- source: crates.io migrations/2021-05-05-081208_recreate_version_downloads_date_index_with_brin_pages_per_range_1/up.sql
-- why: a BRIN build takes SHARE like any CREATE INDEX
-- expect: index-without-concurrently
CREATE INDEX IF NOT EXISTS index_version_downloads_date ON version_downloads USING brin (date) WITH (pages_per_range = 1);
-- source: crates.io migrations/2019-09-19-185655_add_experimental_indexes/up.sql
-- why: ALTER INDEX RENAME takes SHARE UPDATE EXCLUSIVE (since PostgreSQL 12), blocks no reads or writes; no rule
-- expect: ok
ALTER INDEX IF EXISTS sgrif_testing RENAME TO index_recent_crate_downloads_by_downloads;
