-- revision: 0002
-- down_revision: 0001
-- message: split names

-- +upgrade
ALTER TABLE customers ADD COLUMN first_name text, ADD COLUMN last_name text;
UPDATE customers SET first_name = split_part(full_name, ' ', 1),
	last_name = nullif(substr(full_name, length(split_part(full_name, ' ', 1)) + 2), '');
ALTER TABLE customers ALTER COLUMN first_name SET NOT NULL, DROP COLUMN full_name;

-- +downgrade
ALTER TABLE customers ADD COLUMN full_name text;
UPDATE customers SET full_name = concat_ws(' ', first_name, last_name);
ALTER TABLE customers ALTER COLUMN full_name SET NOT NULL, DROP COLUMN first_name, DROP COLUMN last_name;
