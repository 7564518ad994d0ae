-- revision: 0006
-- down_revision: 0005
-- message: document search: documents and their sections with full-text search

-- The columns are those of the documentation manager's schema. search_vector is computed by
-- PostgreSQL from a section's title (weight A) and content (weight B), so it can never go stale.

-- +upgrade
CREATE TABLE documents (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	title varchar(255) NOT NULL,
	version varchar(50) NOT NULL,
	upload_date timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
	file_path varchar(500) NOT NULL,
	page_count integer,
	processing_status varchar(50) NOT NULL DEFAULT 'pending',
	metadata jsonb,
	created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
	CONSTRAINT pk_documents PRIMARY KEY (id)
);

CREATE INDEX idx_documents_status ON documents (processing_status);

CREATE TRIGGER trg_documents_updated_at
	BEFORE UPDATE ON documents
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE sections (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	document_id uuid NOT NULL,
	level integer NOT NULL,
	title varchar(500) NOT NULL,
	content text NOT NULL,
	page_number integer,
	parent_id uuid,
	order_index integer NOT NULL,
	search_vector tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english', coalesce(title, '')), 'A')
		|| setweight(to_tsvector('english', coalesce(content, '')), 'B')
	) STORED,
	created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
	CONSTRAINT pk_sections PRIMARY KEY (id),
	CONSTRAINT fk_sections_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
	CONSTRAINT fk_sections_parent FOREIGN KEY (parent_id) REFERENCES sections (id) ON DELETE CASCADE
);

CREATE INDEX idx_sections_document ON sections (document_id);
CREATE INDEX idx_sections_parent ON sections (parent_id);
CREATE INDEX idx_sections_order ON sections (document_id, order_index);
CREATE INDEX idx_sections_fts ON sections USING gin (search_vector);

CREATE TRIGGER trg_sections_updated_at
	BEFORE UPDATE ON sections
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- +downgrade
DROP TRIGGER trg_sections_updated_at ON sections;
DROP INDEX idx_sections_fts;
DROP INDEX idx_sections_order;
DROP INDEX idx_sections_parent;
DROP INDEX idx_sections_document;
DROP TABLE sections;

DROP TRIGGER trg_documents_updated_at ON documents;
DROP INDEX idx_documents_status;
DROP TABLE documents;
