-- revision: c0018
-- down_revision: c0017
-- message: the same risks written other ways
-- lock_timeout: 2s
-- +upgrade
-- expect: index-without-concurrently
CREATE INDEX IF NOT EXISTS "invoices_Code_idx" ON public.invoices USING btree (code);
-- expect: index-without-concurrently
CREATE INDEX ON notes (published_at);
-- expect: add-column-volatile-default
ALTER TABLE ONLY public.customers ADD COLUMN IF NOT EXISTS token text DEFAULT md5(random()::text);
-- expect: constraint-without-not-valid
ALTER TABLE public.payments ADD FOREIGN KEY (invoice_id) REFERENCES public.invoices (id) ON DELETE CASCADE;
-- expect: ok
ALTER TABLE "customers" ADD COLUMN "Note" text /* a comment; with a semicolon */ DEFAULT 'none';
-- expect: column-type-change, prefer-text
ALTER TABLE customers ALTER email SET DATA TYPE varchar(100);
-- expect: ok
COMMENT ON TABLE customers IS 'people who pay';
-- expect: ok
UPDATE notes SET body = 'x' WHERE id = 1;
-- expect: unbatched-update
UPDATE customers c SET nickname = lower(c.email) FROM invoices i WHERE i.customer_id = c.id;
-- expect: unbatched-update
DELETE FROM notes WHERE body = 'x';
-- expect: constraint-without-not-valid
ALTER TABLE payments ADD CONSTRAINT payments_paid_check CHECK (paid_at > '2020-01-01') NOT VALID, VALIDATE CONSTRAINT payments_paid_check;
-- expect: ok
CREATE TABLE refunds (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	payment_id bigint NOT NULL REFERENCES payments (id) ON DELETE SET NULL,
	reason text DEFAULT 'n/a' NOT NULL
);
