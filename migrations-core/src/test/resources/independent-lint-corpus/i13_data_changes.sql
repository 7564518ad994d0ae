-- revision: i13
-- down_revision: i12
-- message: UPDATE and DELETE of existing tables in transactional revisions
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/20140925132250_dumped_migration_8/up.sql
-- why: every matching row stays locked (FOR UPDATE strength) until the revision commits (Explicit Locking, row-level locks)
-- expect: unbatched-update
UPDATE packages SET updated_at = now() WHERE updated_at IS NULL;
-- source: crates.io migrations/2017-11-12-195324_lower_teams_names/up.sql
-- why: the whole table, one transaction
-- expect: unbatched-update
UPDATE teams SET login=lower(login);
-- source: crates.io migrations/2025-02-13-084853_not-null-org-id/up.sql
-- why: unbounded DELETE: row locks until commit
-- expect: unbatched-update
delete from teams where org_id is null;
-- source: crates.io migrations/2019-09-15-194259_add_badges_crate_id_foreign_key/up.sql
-- why: as above
-- expect: unbatched-update
DELETE FROM badges WHERE crate_id NOT IN (SELECT id FROM crates);
-- source: crates.io migrations/20170315133901_make_dependencies_schema_match_use/up.sql
-- why: as above (dependencies from i01)
-- expect: unbatched-update
UPDATE dependencies SET kind = 0 WHERE kind IS NULL;
-- source: crates.io migrations/20170711193021_rerename_gitlab/up.sql
-- why: the whole table
-- expect: unbatched-update
UPDATE badges SET badge_type = replace(badge_type, 'git-lab', 'gitlab');
-- source: crates.io migrations/2017-09-23-182408_move_tokens_to_emails_table/up.sql
-- why: a join over the whole table
-- expect: unbatched-update
UPDATE emails SET token = tokens.token, token_generated_at = tokens.created_at
  FROM tokens WHERE tokens.email_id = emails.id;
-- source: lemmy migrations/2022-10-06-183632_move_blocklist_to_db/up.sql
-- why: the whole table
-- expect: unbatched-update
UPDATE
    site
SET
    instance_id = i.id
FROM
    instance i
WHERE
    substring(actor_id FROM '(?:.*://)?(?:www\.)?([^/?]*)') = i.domain;
-- source: PostgreSQL docs, UPDATE (the batched update example, from memory of its shape)
-- why: bounded by LIMIT: one batch of at most 5000 rows
-- expect: ok
WITH exceeded_max_retries AS (
  SELECT w.ctid FROM work_item AS w
    WHERE w.status = 'active' AND w.num_retries > 10
    ORDER BY w.retry_timestamp
    FOR UPDATE
    LIMIT 5000
)
UPDATE work_item SET status = 'failed'
  FROM exceeded_max_retries AS emr
  WHERE work_item.ctid = emr.ctid;
-- source: seed 000 (invoice pilot guide): one seeded invoice marked overdue
-- why: bounded by its key: one row
-- expect: ok
UPDATE invoices SET status = 'overdue' WHERE id = 3;
-- source: PostgreSQL docs, DELETE examples
-- why: every film but musicals, one transaction: row locks until commit
-- expect: unbatched-update
DELETE FROM films WHERE kind <> 'Musical';
-- source: PostgreSQL docs, DELETE (the batched delete example, from memory of its shape)
-- why: bounded by LIMIT: one batch
-- expect: ok
WITH delete_batch AS (
  SELECT l.ctid FROM user_logs AS l
    WHERE l.status = 'archived'
    ORDER BY l.creation_date
    FOR UPDATE
    LIMIT 10000
)
DELETE FROM user_logs AS dl
  USING delete_batch AS del
  WHERE dl.ctid = del.ctid;
