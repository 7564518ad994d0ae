-- revision: i22
-- down_revision: i21
-- message: held-out batch (labelled after the first run, before lint ran on it) - miniflux's first schema, trimmed
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: miniflux/v2 internal/database/migrations.go, migration 1 (each migration runs in one transaction)
-- why: new table, no key
-- expect: ok
CREATE TABLE schema_version (
				version text not null
			);
-- source: miniflux migration 1
-- why: new table; a SERIAL column made the primary key by a table constraint (style)
-- expect: prefer-bigint-identity
CREATE TABLE users (
				id SERIAL,
				username text not null unique,
				password text,
				is_admin bool default 'f',
				language text default 'en_US',
				timezone text default 'UTC',
				theme text default 'default',
				last_login_at timestamp with time zone,
				primary key (id)
			);
-- source: miniflux migration 1
-- why: new table referencing a table of this revision; SERIAL primary key (style)
-- expect: prefer-bigint-identity
CREATE TABLE sessions (
				id SERIAL,
				user_id int not null,
				token text not null unique,
				created_at timestamp with time zone default now(),
				user_agent text,
				ip text,
				primary key (id),
				unique (user_id, token),
				foreign key (user_id) references users(id) on delete cascade
			);
-- source: miniflux migration 1 (entries trimmed to the columns used later)
-- why: new table; BIGSERIAL is bigint, which does not run out at 2^31: no style finding
-- expect: ok
CREATE TABLE entries (
				id bigserial not null,
				user_id int not null,
				hash text not null,
				published_at timestamp with time zone not null,
				title text not null,
				content text,
				status text not null default 'unread',
				primary key (id),
				foreign key (user_id) references users(id) on delete cascade
			);
-- source: miniflux migration 1
-- why: new table; BIGSERIAL key (bigint)
-- expect: ok
CREATE TABLE enclosures (
				id BIGSERIAL,
				user_id int not null,
				entry_id bigint not null,
				url text not null,
				size int default 0,
				mime_type text default '',
				primary key (id),
				foreign key (user_id) references users(id) on delete cascade,
				foreign key (entry_id) references entries(id) on delete cascade
			);
-- source: miniflux migration 1
-- why: index on a table created in this revision
-- expect: ok
CREATE INDEX entries_feed_idx on entries using btree(user_id);
