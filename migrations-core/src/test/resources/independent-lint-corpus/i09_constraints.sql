-- revision: i09
-- down_revision: i08
-- message: foreign keys, checks, unique and primary keys on existing tables
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/20141002222426_dumped_migration_49/up.sql
-- why: ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables and scans crate_downloads to validate it; NOT VALID would skip the scan (ALTER TABLE notes)
-- expect: constraint-without-not-valid
ALTER TABLE crate_downloads ADD CONSTRAINT fk_crate_downloads_crate_id
                                 FOREIGN KEY (crate_id) REFERENCES crates (id);
-- source: crates.io migrations/2017-09-23-191545_add_users_to_emails_foreign_key/up.sql
-- why: as above
-- expect: constraint-without-not-valid
ALTER TABLE emails ADD CONSTRAINT fk_emails_user_id FOREIGN KEY (user_id) REFERENCES users (id);
-- source: crates.io migrations/2017-11-12-195324_lower_teams_names/up.sql
-- why: ADD CHECK scans every row under ACCESS EXCLUSIVE
-- expect: constraint-without-not-valid
ALTER TABLE teams
    ADD CONSTRAINT teams_login_lowercase_ck
    CHECK (login = lower(login));
-- source: PostgreSQL docs, ALTER TABLE examples
-- why: as above
-- expect: constraint-without-not-valid
ALTER TABLE distributors ADD CONSTRAINT zipchk CHECK (char_length(zipcode) = 5);
-- source: PostgreSQL docs, ALTER TABLE examples (NOT VALID, then VALIDATE)
-- why: NOT VALID: no scan now
-- expect: ok
ALTER TABLE distributors ADD CONSTRAINT distfk FOREIGN KEY (address) REFERENCES addresses (address) NOT VALID;
-- source: PostgreSQL docs, ALTER TABLE examples
-- why: in the same transaction as the ADD, whose SHARE ROW EXCLUSIVE is held until commit (Explicit Locking): the scan runs under it
-- expect: constraint-without-not-valid
ALTER TABLE distributors VALIDATE CONSTRAINT distfk;
-- source: crates.io migrations/20140924115329_dumped_migration_4/up.sql
-- why: ADD UNIQUE builds a unique index under ACCESS EXCLUSIVE; USING INDEX of a concurrently built one avoids it
-- expect: unique-without-index
ALTER TABLE versions ADD CONSTRAINT unique_num UNIQUE (package_id, num);
-- source: crates.io migrations/20150818112907_dumped_migration_101/up.sql
-- why: as above
-- expect: unique-without-index
ALTER TABLE crate_owners ADD CONSTRAINT crate_owners_unique_owner_per_crate UNIQUE (owner_id, crate_id, owner_kind);
-- source: crates.io migrations/2021-07-18-125813_add_rate_limit_action/up.sql
-- why: ADD PRIMARY KEY builds its index (and checks NOT NULL) under ACCESS EXCLUSIVE
-- expect: unique-without-index
ALTER TABLE publish_limit_buckets ADD CONSTRAINT publish_limit_buckets_pkey PRIMARY KEY (user_id, action);
-- source: lemmy migrations/2021-02-02-153240_apub_columns/up.sql (community created in i01)
-- why: builds a unique index on an existing table under ACCESS EXCLUSIVE
-- expect: unique-without-index
ALTER TABLE community
    ADD CONSTRAINT idx_community_followers_url UNIQUE (followers_url);
-- source: PostgreSQL docs, ALTER TABLE examples (distributors created in i01)
-- why: as above, primary key
-- expect: unique-without-index
ALTER TABLE distributors ADD PRIMARY KEY (did);
-- source: crates.io migrations/2019-03-22-174825_remove_version_downloads_pk/up.sql
-- why: the key uses the unique index built in i02 (no build under lock), but DROP COLUMN id removes a column an earlier release created
-- expect: drop-column
ALTER TABLE version_downloads
  DROP CONSTRAINT version_downloads_pkey,
  ADD CONSTRAINT version_downloads_pkey PRIMARY KEY USING INDEX version_downloads_unique,
  DROP COLUMN id;
-- source: seed 001 (bank statements guide): the foreign key audit_logs.analysis_id -> analyses.id, added to existing tables
-- why: validated by a scan under SHARE ROW EXCLUSIVE on both tables
-- expect: constraint-without-not-valid
ALTER TABLE audit_logs ADD CONSTRAINT fk_audit_logs_analysis FOREIGN KEY (analysis_id) REFERENCES analyses (id);
-- source: seed 001 (bank statements guide): CHECK confidence IN ('high', 'medium', 'low'), added NOT VALID
-- why: NOT VALID: no scan
-- expect: ok
ALTER TABLE analyses ADD CONSTRAINT ck_analyses_confidence CHECK (confidence IN ('high', 'medium', 'low')) NOT VALID;
