-- revision: i15
-- down_revision: i14
-- message: a trigger replaced without a lock_timeout
-- +upgrade
-- source: crates.io migrations/2024-04-12-144026_change-crates-updated-at-trigger/up.sql
-- why: DROP TRIGGER takes ACCESS EXCLUSIVE on crates, with no lock_timeout
-- expect: strong-lock-without-timeout
drop trigger trigger_crates_set_updated_at
    on crates;
-- source: same file
-- why: CREATE TRIGGER takes SHARE ROW EXCLUSIVE (Explicit Locking table); the revision's finding is on its first strong lock
-- expect: ok
create trigger trigger_crates_set_updated_at
    before update
    on crates
    for each row
execute procedure set_updated_at();
