-- revision: 0001
-- down_revision: base
-- message: never applied: the build renders it offline so that the class-data-sharing archive holds the classes a run loads

-- +upgrade
CREATE TABLE training (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX training_name_idx ON training (name);

-- +downgrade
DROP TABLE training;
