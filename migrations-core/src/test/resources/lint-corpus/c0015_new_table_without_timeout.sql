-- revision: c0015
-- down_revision: c0014
-- message: only new tables, no lock_timeout needed
-- +upgrade
-- expect: ok
CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);
-- expect: ok
CREATE INDEX notes_body_idx ON notes (body);
-- expect: ok
INSERT INTO notes (body) VALUES ('first');
