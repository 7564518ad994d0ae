-- revision: c0024
-- down_revision: c0023
-- message: the safe forms, and what never belongs in a revision
-- transactional: false
-- lock_timeout: 2s
-- +upgrade
-- expect: ok
ALTER TABLE events_2023 VALIDATE CONSTRAINT events_2023_bounds;
-- expect: ok
ALTER TABLE events ATTACH PARTITION events_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
-- expect: ok
ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
-- expect: domain-constraint-scan
ALTER DOMAIN positive VALIDATE CONSTRAINT positive_bounded;
-- expect: drop-database
DROP DATABASE IF EXISTS legacy_reports;
-- expect: ok
CREATE DATABASE reports;
