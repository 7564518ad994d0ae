-- revision: 0003
-- down_revision: 0001
-- message: customer search
-- branch_labels: search
-- lock_timeout: 5s
-- lint: allow add-column-volatile-default, index-without-concurrently (customers is empty in this test kit)

-- +upgrade
ALTER TABLE customers ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED;
CREATE INDEX customers_search_idx ON customers USING gin (search);
CREATE VIEW named_customers AS SELECT id, name FROM customers WHERE name <> '';

-- +downgrade
DROP VIEW named_customers;
DROP INDEX customers_search_idx;
ALTER TABLE customers DROP COLUMN search;
ALTER TABLE customers DROP COLUMN name;
