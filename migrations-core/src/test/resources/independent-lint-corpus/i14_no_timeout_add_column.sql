-- revision: i14
-- down_revision: i13
-- message: a single-statement migration as crates.io wrote it, without a lock_timeout
-- +upgrade
-- source: crates.io migrations/2025-11-19-091444-0000_add_trustpub_only_to_crates/up.sql
-- why: constant default (no rewrite), but ADD COLUMN takes ACCESS EXCLUSIVE on crates; with no lock_timeout it can queue behind a long query while every later query queues behind it (Explicit Locking: lock requests wait in order)
-- expect: strong-lock-without-timeout
ALTER TABLE crates ADD COLUMN trustpub_only BOOLEAN NOT NULL DEFAULT FALSE;
-- source: same file
-- why: COMMENT takes no lock that blocks reads or writes for long; the revision's finding is on the first statement
-- expect: ok
COMMENT ON COLUMN crates.trustpub_only IS 'When true, this crate can only be published via Trusted Publishing, not with API tokens';
