-- revision: 0002
-- down_revision: 0001
-- message: a second revision, with a function body

-- +upgrade
CREATE FUNCTION training_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.name := lower(NEW.name);
    RETURN NEW;
END;
$$;

-- +downgrade
DROP FUNCTION training_touch();
