-- revision: c0017
-- down_revision: c0016
-- message: column types
-- lock_timeout: 2s
-- +upgrade
-- expect: prefer-bigint-identity
CREATE TABLE tags (id serial PRIMARY KEY, name text NOT NULL);
-- expect: ok
CREATE TABLE labels (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
-- expect: prefer-bigint-identity
CREATE TABLE counters (id integer NOT NULL, total bigint, PRIMARY KEY (id));
-- expect: prefer-timestamptz
CREATE TABLE sessions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, started_at timestamp NOT NULL);
-- expect: ok
CREATE TABLE visits (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, started_at timestamptz NOT NULL);
-- expect: ban-char
CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL);
-- expect: ok
CREATE TABLE currencies (code text PRIMARY KEY CHECK (length(code) = 3), name text NOT NULL);
-- expect: prefer-text
CREATE TABLE slugs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, slug varchar(64) NOT NULL);
-- expect: ok
CREATE TABLE handles (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, handle varchar NOT NULL);
-- expect: prefer-timestamptz
ALTER TABLE notes ADD COLUMN edited_at timestamp without time zone;
-- expect: ok
ALTER TABLE notes ADD COLUMN published_at timestamp with time zone;
