-- revision: i06
-- down_revision: i05
-- message: SET NOT NULL on existing columns, with no validated CHECK in the history
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/2022-08-28-191319_non-null-checksum/up.sql
-- why: SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a valid CHECK proves no NULL (ALTER TABLE docs)
-- expect: set-not-null-without-check
alter table versions
    alter column checksum set not null;
-- source: crates.io migrations/20140926130046_dumped_migration_19/up.sql
-- why: as above
-- expect: set-not-null-without-check
ALTER TABLE versions ALTER COLUMN downloads SET NOT NULL;
-- source: crates.io migrations/2025-02-13-084853_not-null-org-id/up.sql
-- why: as above
-- expect: set-not-null-without-check
alter table teams alter column org_id set not null;
-- source: crates.io migrations/2026-06-17-105325-0000_versions_tar_sha256_not_null/up.sql
-- why: its comment says a CHECK was added by hand outside the migrations; no revision holds it, so the scan cannot be ruled out from the history
-- expect: set-not-null-without-check
ALTER TABLE versions ALTER COLUMN tar_sha256 SET NOT NULL;
-- source: crates.io migrations/2026-06-17-105325-0000_versions_tar_sha256_not_null/up.sql
-- why: dropping a constraint is catalog-only (brief ACCESS EXCLUSIVE); no rule
-- expect: ok
ALTER TABLE versions DROP CONSTRAINT IF EXISTS versions_tar_sha256_present;
-- source: crates.io migrations/2026-06-17-110629-0000_versions_checksum_drop_not_null/up.sql
-- why: DROP NOT NULL needs no scan
-- expect: ok
ALTER TABLE versions ALTER COLUMN checksum DROP NOT NULL;
-- source: lemmy migrations/2022-11-21-204256_user-following/up.sql
-- why: scan under ACCESS EXCLUSIVE, no validated CHECK
-- expect: set-not-null-without-check
ALTER TABLE community_follower
    ALTER COLUMN pending SET NOT NULL;
