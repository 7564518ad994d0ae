-- revision: 0002
-- down_revision: 0001
-- message: audit customers

-- +upgrade
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
CREATE TRIGGER customers_audit AFTER INSERT ON customers FOR EACH ROW EXECUTE FUNCTION audit();

-- +downgrade
DROP TRIGGER customers_audit ON customers;
