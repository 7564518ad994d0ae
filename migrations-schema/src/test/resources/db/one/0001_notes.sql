-- revision: 0001
-- down_revision: base
-- message: a table of notes

-- +upgrade
CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL);

-- +downgrade
DROP TABLE notes;
