-- revision: i19
-- down_revision: i18
-- message: explicit locks (the LOCK docs' examples)
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: PostgreSQL docs, LOCK examples
-- why: SHARE blocks INSERT, UPDATE, DELETE until the revision commits
-- expect: lock-table
LOCK TABLE films IN SHARE MODE;
-- source: PostgreSQL docs, LOCK examples
-- why: a read under the lock
-- expect: ok
SELECT id FROM films
    WHERE name = 'Star Wars: Episode I - The Phantom Menace';
-- source: PostgreSQL docs, LOCK examples
-- why: SHARE ROW EXCLUSIVE blocks writes
-- expect: lock-table
LOCK TABLE films IN SHARE ROW EXCLUSIVE MODE;
-- source: PostgreSQL docs, LOCK examples
-- why: deletes every matching row in one transaction: row locks until commit
-- expect: unbatched-update
DELETE FROM films_user_comments WHERE id IN
    (SELECT id FROM films WHERE rating < 5);
-- source: PostgreSQL docs, LOCK ("ACCESS EXCLUSIVE" is the default mode)
-- why: blocks every read and write
-- expect: lock-table
LOCK TABLE films;
-- source: PostgreSQL docs, LOCK (ROW EXCLUSIVE, the mode UPDATE takes)
-- why: ROW EXCLUSIVE conflicts only with SHARE and stronger: reads and writes go on
-- expect: ok
LOCK TABLE films IN ROW EXCLUSIVE MODE;
-- source: PostgreSQL docs, LOCK (ACCESS SHARE, the mode SELECT takes)
-- why: conflicts only with ACCESS EXCLUSIVE
-- expect: ok
LOCK TABLE films IN ACCESS SHARE MODE;
