-- revision: i24
-- down_revision: i23
-- message: held-out batch - miniflux's recent migrations, as written (no lock_timeout)
-- +upgrade
-- source: miniflux migrations.go
-- why: every matching row in one transaction; user_id NOT IN (subquery) is no key bound
-- expect: unbatched-update
DELETE FROM integrations WHERE user_id NOT IN (SELECT id FROM users);
-- source: miniflux migrations.go
-- why: validated foreign key: SHARE ROW EXCLUSIVE on both tables for the scan, and the revision has no lock_timeout
-- expect: constraint-without-not-valid, strong-lock-without-timeout
ALTER TABLE integrations
				ADD CONSTRAINT integrations_user_id_fkey
				FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
-- source: miniflux migrations.go
-- why: every NULL ip row, one transaction
-- expect: unbatched-update
UPDATE user_sessions SET ip = '127.0.0.1'::inet WHERE ip IS NULL;
-- source: miniflux migrations.go
-- why: SET NOT NULL scans the table under ACCESS EXCLUSIVE (SET DEFAULT beside it changes nothing stored)
-- expect: set-not-null-without-check
ALTER TABLE user_sessions
				ALTER COLUMN ip SET DEFAULT '127.0.0.1'::inet,
				ALTER COLUMN ip SET NOT NULL,
				ALTER COLUMN created_at SET DEFAULT now(),
				ALTER COLUMN created_at SET NOT NULL;
-- source: miniflux migrations.go
-- why: drops a table an earlier revision created
-- expect: drop-table
DROP TABLE IF EXISTS user_sessions;
-- source: miniflux migrations.go
-- why: a new table (references users: SHARE ROW EXCLUSIVE, already covered by the finding above)
-- expect: ok
CREATE TABLE web_sessions (
				id text not null,
				secret_hash bytea not null,
				user_id int references users(id) on delete cascade,
				created_at timestamp with time zone not null default now(),
				user_agent text not null default '',
				ip inet,
				state jsonb not null default '{}'::jsonb,
				primary key (id),
				check (jsonb_typeof(state) = 'object')
			);
-- source: miniflux migrations.go
-- why: index on a table created in this revision
-- expect: ok
CREATE INDEX web_sessions_user_id_idx
				ON web_sessions (user_id)
				WHERE user_id IS NOT NULL;
-- source: miniflux migrations.go
-- why: every removed entry, one transaction
-- expect: unbatched-update
DELETE FROM entries WHERE status = 'removed';
-- source: miniflux migrations.go
-- why: ACCESS EXCLUSIVE on entries (index built in i23)
-- expect: index-without-concurrently
DROP INDEX document_vectors_idx;
-- source: miniflux migrations.go
-- why: SHARE on entries for the GIN build
-- expect: index-without-concurrently
CREATE INDEX document_vectors_idx
				ON entries
				USING gin(document_vectors);
-- source: miniflux migrations.go
-- why: an extension drop takes no table lock; no rule
-- expect: ok
DROP EXTENSION IF EXISTS hstore;
-- source: miniflux migrations.go
-- why: constant default
-- expect: ok
ALTER TABLE entries ADD COLUMN language text not null default '';
