-- revision: i10
-- down_revision: i09
-- message: column type changes (old types from i01 where the history gives them)
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/2019-06-14-175833_change_keywords_to_text/up.sql (keyword VARCHAR, i01)
-- why: varchar is binary coercible to text: no rewrite, and the unique index stays valid (ALTER TABLE notes)
-- expect: ok
ALTER TABLE keywords ALTER COLUMN keyword TYPE text;
-- source: crates.io migrations/20170315133901_make_dependencies_schema_match_use/up.sql (the type action of a two-action ALTER)
-- why: USING string_to_array changes the contents: the table and its indexes are rewritten under ACCESS EXCLUSIVE
-- expect: column-type-change
ALTER TABLE dependencies ALTER COLUMN features SET DATA TYPE text[] USING string_to_array(features, ',');
-- source: crates.io migrations/20170322130523_version_downloads_needs_no_id/up.sql (date TIMESTAMP, i01)
-- why: timestamp -> date is a conversion, not binary coercible: rewrite
-- expect: column-type-change
ALTER TABLE version_downloads ALTER COLUMN "date" TYPE date;
-- source: crates.io migrations/2018-01-18-172821_use_jsonb_for_features/up.sql
-- why: varchar -> jsonb parses every value: rewrite
-- expect: column-type-change
ALTER TABLE versions ALTER COLUMN features SET DATA TYPE jsonb USING features::jsonb;
-- source: crates.io migrations/2020-07-14-113112_change_api_token_to_bytea/up.sql (token character varying, i01)
-- why: USING decode(...) computes new values: rewrite
-- expect: column-type-change
ALTER TABLE api_tokens
  ALTER COLUMN token
  TYPE bytea USING decode(token, 'escape');
-- source: lemmy migrations/2021-07-20-102033_actor_name_length/up.sql (name varchar(20), i01)
-- why: a longer varchar limit needs no rewrite and no scan; varchar(255) (style)
-- expect: prefer-text
ALTER TABLE community
    ALTER COLUMN name TYPE varchar(255);
-- source: lemmy migrations/2021-07-20-102033_actor_name_length/up.sql (title varchar(100), i01)
-- why: as above
-- expect: prefer-text
ALTER TABLE community
    ALTER COLUMN title TYPE varchar(255);
-- source: PostgreSQL docs, ALTER TABLE examples (address varchar(30), name varchar(40), i01)
-- why: both limits grow: no rewrite; varchar(n) (style)
-- expect: prefer-text
ALTER TABLE distributors ALTER COLUMN address TYPE varchar(80), ALTER COLUMN name TYPE varchar(100);
-- source: PostgreSQL docs, ALTER TABLE examples (zipcode char(5), i01)
-- why: char(n) -> varchar strips trailing blanks, a conversion: rewrite; varchar(n) (style)
-- expect: column-type-change, prefer-text
ALTER TABLE distributors ALTER COLUMN zipcode TYPE varchar(5);
-- source: PostgreSQL docs, ALTER TABLE examples
-- why: USING computes a new value per row: rewrite
-- expect: column-type-change
ALTER TABLE foo
    ALTER COLUMN foo_timestamp SET DATA TYPE timestamp with time zone
    USING
        timestamp with time zone 'epoch' + foo_timestamp * interval '1 second';
-- source: crates.io keywords (created_at TIMESTAMP, i01), with the type change crates.io's timezones migration made, here without its SET timezone
-- why: timestamp -> timestamptz is binary compatible only when the session time zone is UTC (PostgreSQL 12 release notes); nothing here sets it: rewrite
-- expect: column-type-change
ALTER TABLE keywords ALTER COLUMN created_at TYPE timestamptz;
-- source: crates.io migrations/20140929103759_dumped_migration_31/up.sql table, counted INTEGER (i01)
-- why: integer -> bigint is not binary coercible: rewrite
-- expect: column-type-change
ALTER TABLE version_downloads ALTER COLUMN counted TYPE bigint;
-- source: seed 004 guide: documents.title VARCHAR(255) (i01)
-- why: a longer limit: no rewrite; varchar(500) (style)
-- expect: prefer-text
ALTER TABLE documents ALTER COLUMN title TYPE varchar(500);
-- source: seed 004 guide: documents.processing_status VARCHAR(50) (i01)
-- why: varchar(n) -> text is binary coercible: no rewrite
-- expect: ok
ALTER TABLE documents ALTER COLUMN processing_status TYPE text;
