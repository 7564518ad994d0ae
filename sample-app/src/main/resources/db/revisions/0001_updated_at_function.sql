-- revision: 0001
-- down_revision: base
-- message: shared updated_at trigger function

-- Every table with an updated_at column keeps it current through this one function
-- (a BEFORE UPDATE trigger per table), so the branches below only add triggers.

-- +upgrade
CREATE FUNCTION update_updated_at_column() RETURNS trigger
	LANGUAGE plpgsql
AS $$
BEGIN
	NEW.updated_at = now();
	RETURN NEW;
END;
$$;

COMMENT ON FUNCTION update_updated_at_column() IS 'Sets updated_at to now() on every UPDATE; used by the updated_at triggers';

-- +downgrade
DROP FUNCTION update_updated_at_column();
