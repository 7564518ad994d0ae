-- revision: i17
-- down_revision: i16
-- message: an index without CONCURRENTLY and without a lock_timeout
-- +upgrade
-- source: lemmy migrations/2023-02-15-212546_add_post_comment_saved_indexes/up.sql
-- why: SHARE on an existing table for the whole build, and no lock_timeout to give way to a long query
-- expect: index-without-concurrently, strong-lock-without-timeout
CREATE INDEX idx_comment_saved_person_id ON comment_saved (person_id);
