-- revision: i18
-- down_revision: i17
-- message: maintenance commands (VACUUM cannot run in a transaction block)
-- transactional: false
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: PostgreSQL docs, VACUUM examples
-- why: plain VACUUM takes SHARE UPDATE EXCLUSIVE: reads and writes go on
-- expect: ok
VACUUM (VERBOSE, ANALYZE) onek;
-- source: PostgreSQL docs, VACUUM (FULL)
-- why: VACUUM FULL rewrites the table under ACCESS EXCLUSIVE (Explicit Locking table)
-- expect: vacuum-full
VACUUM FULL ANALYZE onek;
-- source: PostgreSQL docs, CLUSTER examples
-- why: CLUSTER rewrites the table under ACCESS EXCLUSIVE
-- expect: cluster
CLUSTER employees USING employees_ind;
-- source: PostgreSQL docs, CLUSTER examples
-- why: as above, with the index recorded earlier
-- expect: cluster
CLUSTER employees;
-- source: PostgreSQL docs, ANALYZE
-- why: SHARE UPDATE EXCLUSIVE
-- expect: ok
ANALYZE users;
