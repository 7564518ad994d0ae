-- revision: a1
-- down_revision: base
-- message: créer la table des clients

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY);
