-- revision: i23
-- down_revision: i22
-- message: held-out batch - miniflux's later migrations on its tables
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: miniflux migrations.go, "ALTER TABLE sessions rename to user_sessions"
-- why: renames a table an earlier revision created: ACCESS EXCLUSIVE, and running code uses the old name
-- expect: rename-table
ALTER TABLE sessions rename to user_sessions;
-- source: miniflux migrations.go (enclosures.size int, i22)
-- why: int -> bigint is not binary coercible: rewrite under ACCESS EXCLUSIVE
-- expect: column-type-change
ALTER TABLE enclosures ALTER COLUMN size SET DATA TYPE bigint;
-- source: miniflux migrations.go (ip text, i22)
-- why: text -> inet parses each value: rewrite
-- expect: column-type-change
ALTER TABLE user_sessions ALTER COLUMN ip SET DATA TYPE inet using ip::inet;
-- source: miniflux migrations.go
-- why: nullable column, no default: catalog-only
-- expect: ok
ALTER TABLE entries ADD COLUMN document_vectors tsvector;
-- source: miniflux migrations.go
-- why: every row of entries updated in one transaction: row locks until commit
-- expect: unbatched-update
UPDATE entries SET document_vectors = to_tsvector(substring(title || ' ' || coalesce(content, '') for 1000000));
-- source: miniflux migrations.go
-- why: CREATE INDEX on a table an earlier revision created: SHARE for the build
-- expect: index-without-concurrently
CREATE INDEX document_vectors_idx ON entries USING gin(document_vectors);
-- source: miniflux migrations.go
-- why: SET DEFAULT changes only later inserts
-- expect: ok
ALTER TABLE users ALTER COLUMN theme SET DEFAULT 'light_serif';
-- source: miniflux migrations.go
-- why: every user with that theme, one transaction; theme is no key
-- expect: unbatched-update
UPDATE users SET theme='light_serif' WHERE theme='default';
-- source: miniflux migrations.go
-- why: nullable, no default
-- expect: ok
ALTER TABLE entries ADD COLUMN changed_at timestamp with time zone;
-- source: miniflux migrations.go
-- why: the whole table in one transaction
-- expect: unbatched-update
UPDATE entries SET changed_at = published_at;
-- source: miniflux migrations.go
-- why: SET NOT NULL scans entries under ACCESS EXCLUSIVE: no validated CHECK
-- expect: set-not-null-without-check
ALTER TABLE entries ALTER COLUMN changed_at SET not null;
-- source: miniflux migrations.go
-- why: constant default: no rewrite
-- expect: ok
ALTER TABLE entries ADD COLUMN share_code text not null default '';
-- source: miniflux migrations.go
-- why: a partial unique index still builds under SHARE
-- expect: index-without-concurrently
CREATE UNIQUE INDEX entries_share_code_idx ON entries USING btree(share_code) WHERE share_code <> '';
-- source: miniflux migrations.go (feeds: a table of miniflux's first migration, not transcribed)
-- why: now() is stable: no rewrite
-- expect: ok
ALTER TABLE feeds ADD COLUMN next_check_at timestamp with time zone default now();
-- source: miniflux migrations.go
-- why: RENAME without COLUMN renames a column an earlier migration created
-- expect: rename-column
ALTER TABLE users RENAME double_tap TO gesture_nav;
-- source: miniflux migrations.go
-- why: USING a CASE computes new values: rewrite
-- expect: column-type-change
ALTER TABLE users
				ALTER COLUMN gesture_nav SET DATA TYPE text using case when gesture_nav = true then 'tap' when gesture_nav = false then 'none' end,
				ALTER COLUMN gesture_nav SET default 'tap';
-- source: miniflux migrations.go
-- why: a self-join delete of duplicates over the whole table, one transaction
-- expect: unbatched-update
DELETE FROM enclosures a USING enclosures b
			WHERE a.id < b.id
				AND a.user_id = b.user_id
				AND a.entry_id = b.entry_id
				AND a.url = b.url;
-- source: miniflux migrations.go
-- why: DROP INDEX without CONCURRENTLY: ACCESS EXCLUSIVE on entries (the index was built in i22)
-- expect: index-without-concurrently
DROP INDEX entries_feed_idx;
-- source: miniflux migrations.go
-- why: a unique expression index on an existing table: SHARE for the build
-- expect: index-without-concurrently
CREATE UNIQUE INDEX enclosures_user_entry_url_unique_idx ON enclosures(user_id, entry_id, encode(sha256(url::bytea), 'hex'));
-- source: miniflux migrations.go
-- why: drops a column an earlier migration created
-- expect: drop-column
ALTER TABLE users DROP COLUMN IF EXISTS extra;
-- source: miniflux migrations.go
-- why: an enum type: no table lock
-- expect: ok
CREATE TYPE webapp_display_mode AS enum('fullscreen', 'standalone', 'minimal-ui', 'browser');
-- source: miniflux migrations.go
-- why: a constant default of the new enum: no rewrite
-- expect: ok
ALTER TABLE users ADD COLUMN display_mode webapp_display_mode default 'standalone';
-- source: miniflux migrations.go
-- why: a constant array default: no rewrite
-- expect: ok
ALTER TABLE entries ADD COLUMN tags text[] default '{}';
-- source: miniflux migrations.go
-- why: an int column that is no key: no style finding
-- expect: ok
ALTER TABLE enclosures ADD COLUMN media_progression int default 0;
