-- revision: i12
-- down_revision: i11
-- message: drops and renames of what earlier migrations created
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/20140926174020_dumped_migration_20/up.sql
-- why: ACCESS EXCLUSIVE, and code still using the old name fails at once
-- expect: rename-table
ALTER TABLE packages RENAME TO crates;
-- source: crates.io migrations/20140926174020_dumped_migration_20/up.sql
-- why: ACCESS EXCLUSIVE; running code still reads package_id
-- expect: rename-column
ALTER TABLE versions RENAME COLUMN package_id TO crate_id;
-- source: crates.io migrations/20150804170129_dumped_migration_99/up.sql
-- why: RENAME without the COLUMN keyword is the same column rename
-- expect: rename-column
ALTER TABLE crate_owners RENAME user_id TO owner_id;
-- source: lemmy migrations/2021-03-09-171136_split_user_table_2/up.sql
-- why: renames a table an earlier migration created
-- expect: rename-table
ALTER TABLE user_ RENAME TO person;
-- source: lemmy migrations/2021-03-31-144349_add_site_short_description/up.sql
-- why: renames a column an earlier migration created
-- expect: rename-column
ALTER TABLE site RENAME COLUMN description TO sidebar;
-- source: lemmy migrations/2021-03-09-171136_split_user_table_2/up.sql
-- why: a constraint's name is not used by queries; no rule
-- expect: ok
ALTER TABLE comment_like RENAME CONSTRAINT comment_like_user_id_fkey TO comment_like_person_id_fkey;
-- source: lemmy migrations/2021-03-09-171136_split_user_table_2/up.sql
-- why: an index's name is not used by queries; SHARE UPDATE EXCLUSIVE
-- expect: ok
ALTER INDEX idx_user_published RENAME TO idx_person_published;
-- source: crates.io migrations/2024-04-12-144536_remove-downloads-column/up.sql
-- why: ACCESS EXCLUSIVE, and a release still reading the column fails
-- expect: drop-column
alter table crates
    drop column downloads;
-- source: crates.io migrations/2019-11-11-162609_drop_email_from_user/up.sql
-- why: as above; CASCADE also drops what depends on it
-- expect: drop-column
ALTER TABLE users DROP COLUMN email CASCADE;
-- source: crates.io migrations/2026-06-18-084149-0000_drop_users_gh_avatar/up.sql (its own safety-assured markers are not our opt-out)
-- why: drops a column an earlier release added
-- expect: drop-column
ALTER TABLE users DROP COLUMN gh_avatar;
-- source: crates.io migrations/2024-02-19-113226_delete-badges-table/up.sql
-- why: drops a table an earlier release created
-- expect: drop-table
drop table badges;
-- source: crates.io migrations/2026-07-24-154000-0000_drop_cache_tags_backfills/up.sql
-- why: as above
-- expect: drop-table
DROP TABLE IF EXISTS cache_tags_backfills RESTRICT;
-- source: crates.io migrations/2017-09-23-182408_move_tokens_to_emails_table/up.sql
-- why: tokens was created by an earlier migration
-- expect: drop-table
DROP TABLE tokens;
-- source: lemmy migrations/2019-12-29-164820_add_avatar/up.sql
-- why: a view holds no data; no rule
-- expect: ok
DROP VIEW user_view;
-- source: crates.io migrations/20150818112907_dumped_migration_101/up.sql
-- why: dropping a constraint is catalog-only; no rule
-- expect: ok
ALTER TABLE crate_owners DROP CONSTRAINT crate_owners_unique_user_per_crate;
-- source: crates.io migrations/2024-04-17-083100_remove-obsolete-fn/up.sql
-- why: no table lock; no rule
-- expect: ok
drop function set_updated_at_ignore_downloads;
