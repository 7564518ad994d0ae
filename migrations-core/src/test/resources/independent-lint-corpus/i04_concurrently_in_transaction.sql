-- revision: i04
-- down_revision: i03
-- message: the same CONCURRENTLY statements in a transactional revision (a forgotten run_in_transaction = false)
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: PostgreSQL docs, CREATE INDEX examples
-- why: "a regular CREATE INDEX command can be performed within a transaction block, but CREATE INDEX CONCURRENTLY cannot"
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY sales_quantity_index ON sales_table (quantity);
-- source: crates.io migrations/2024-02-12-120203_remove_unused_index/up.sql, without its metadata.toml
-- why: DROP INDEX CONCURRENTLY cannot be executed inside a transaction block (DROP INDEX docs)
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY IF EXISTS index_follows_user_id;
-- source: PostgreSQL docs, REINDEX examples
-- why: REINDEX CONCURRENTLY cannot be executed inside a transaction block (REINDEX docs)
-- expect: concurrently-in-transaction
REINDEX TABLE CONCURRENTLY my_broken_table;
