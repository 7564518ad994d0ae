-- revision: i01
-- down_revision: base
-- message: context - tables the later revisions alter, as their source histories created them (columns trimmed to those the corpus uses)
-- +upgrade
-- Labels: decided from the PostgreSQL 17 documentation before lint ran (see benchmarks/lint-corpus/LABELS.md).
-- The SET lock_timeout statements that open most revisions were added for the corpus (the sources had none),
-- so that both tools see the same timeout; the revisions without one test the timeout rule.
-- why: a session setting, no lock
-- expect: ok
SET lock_timeout = '2s';
-- source: crates.io migrations/20141021103503_dumped_migration_78/up.sql
-- why: new table; SERIAL primary key is int4 (style), TIMESTAMP is without time zone (style)
-- expect: prefer-bigint-identity, prefer-timestamptz
CREATE TABLE keywords (
            id               SERIAL PRIMARY KEY,
            keyword          VARCHAR NOT NULL UNIQUE,
            crates_cnt       INTEGER NOT NULL,
            created_at       TIMESTAMP NOT NULL
        );
-- source: crates.io migrations/20140930082105_dumped_migration_37/up.sql
-- why: new table; SERIAL primary key (style)
-- expect: prefer-bigint-identity
CREATE TABLE dependencies (
            id               SERIAL PRIMARY KEY,
            version_id       INTEGER NOT NULL,
            crate_id         INTEGER NOT NULL,
            req              VARCHAR NOT NULL,
            optional         BOOLEAN NOT NULL,
            default_features BOOLEAN NOT NULL,
            features         VARCHAR NOT NULL
        );
-- source: crates.io migrations/20140929103759_dumped_migration_31/up.sql
-- why: new table; SERIAL primary key, TIMESTAMP (style)
-- expect: prefer-bigint-identity, prefer-timestamptz
CREATE TABLE version_downloads (
            id              SERIAL PRIMARY KEY,
            version_id      INTEGER NOT NULL,
            downloads       INTEGER NOT NULL,
            counted         INTEGER NOT NULL,
            date            TIMESTAMP NOT NULL,
            processed       BOOLEAN NOT NULL
        );
-- source: crates.io migrations/20170428154714_multiple_api_tokens/up.sql
-- why: new table (the volatile default fills no existing row); its REFERENCES takes SHARE ROW EXCLUSIVE on users, under the lock_timeout set above; SERIAL key and timestamp without time zone (style)
-- expect: prefer-bigint-identity, prefer-timestamptz
CREATE TABLE api_tokens (
  id SERIAL PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  token character varying DEFAULT random_string(32) NOT NULL UNIQUE,
  name character varying NOT NULL,
  created_at timestamp without time zone DEFAULT now() NOT NULL,
  last_used_at timestamp without time zone
);
-- source: crates.io migrations/20170428154714_multiple_api_tokens/up.sql
-- why: index on a table created in this revision: SHARE blocks nobody
-- expect: ok
CREATE INDEX ON api_tokens (token);
-- source: crates.io migrations/20170428154714_multiple_api_tokens/up.sql
-- why: INSERT ... SELECT takes ROW EXCLUSIVE on the new table and ACCESS SHARE on users; no rule
-- expect: ok
INSERT INTO api_tokens (user_id, token, name)
  SELECT id, api_token, 'Initial token' FROM users;
-- source: lemmy migrations/2019-02-27-170003_create_community/up.sql (columns trimmed)
-- why: new table; serial primary key, varchar(n), timestamp (style)
-- expect: prefer-bigint-identity, prefer-text, prefer-timestamptz
CREATE TABLE community (
    id serial PRIMARY KEY,
    name varchar(20) NOT NULL UNIQUE,
    title varchar(100) NOT NULL,
    description text,
    published timestamp NOT NULL DEFAULT now()
);
-- source: PostgreSQL docs, ALTER TABLE / CREATE TABLE examples (the distributors table)
-- why: new table; varchar(n) and char(n) (style); did is not a primary key
-- expect: prefer-text, ban-char
CREATE TABLE distributors (
    did integer,
    name varchar(40),
    address varchar(30),
    street text,
    zipcode char(5)
);
-- source: seed 004 (Exchange Documentation Manager), table 'documents' as its guide describes it
-- why: new table; uuid key; varchar(n) and TIMESTAMP (style)
-- expect: prefer-text, prefer-timestamptz
CREATE TABLE documents (
    id uuid PRIMARY KEY,
    title varchar(255) NOT NULL,
    version varchar(50),
    upload_date timestamp NOT NULL,
    file_path varchar(500) NOT NULL,
    page_count integer,
    processing_status varchar(50) DEFAULT 'pending',
    metadata jsonb,
    created_at timestamp NOT NULL DEFAULT now(),
    updated_at timestamp NOT NULL DEFAULT now()
);
