-- revision: 0002
-- down_revision: 0001
-- branch_labels: statements
-- message: bank statements: salary analyses and the API audit trail

-- +upgrade
CREATE TABLE analyses (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	user_id varchar(255) NOT NULL,
	file_name varchar(255) NOT NULL,
	bank_name varchar(255),
	statement_start date,
	statement_end date,
	detected_salary numeric(14, 2),
	currency char(3) NOT NULL DEFAULT 'USD',
	employer_name varchar(255),
	confidence varchar(10) NOT NULL,
	transactions_analyzed integer NOT NULL DEFAULT 0,
	details jsonb,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_analyses PRIMARY KEY (id),
	CONSTRAINT ck_analyses_confidence CHECK (confidence IN ('high', 'medium', 'low')),
	CONSTRAINT ck_analyses_detected_salary CHECK (detected_salary IS NULL OR detected_salary >= 0),
	CONSTRAINT ck_analyses_statement_period CHECK (statement_end IS NULL OR statement_start IS NULL
			OR statement_end >= statement_start)
);

CREATE INDEX idx_analyses_user_id ON analyses (user_id);
CREATE INDEX idx_analyses_confidence ON analyses (confidence);
CREATE INDEX idx_analyses_detected_salary ON analyses (detected_salary);
CREATE INDEX idx_analyses_created_at ON analyses (created_at);

CREATE TRIGGER trg_analyses_updated_at
	BEFORE UPDATE ON analyses
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- The audit trail outlives what it describes: deleting an analysis keeps its log rows.
CREATE TABLE audit_logs (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	user_id varchar(255) NOT NULL,
	analysis_id uuid,
	action varchar(50) NOT NULL,
	status varchar(10) NOT NULL,
	request_id varchar(100),
	error_message text,
	details jsonb,
	created_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_audit_logs PRIMARY KEY (id),
	CONSTRAINT ck_audit_logs_status CHECK (status IN ('success', 'failed', 'pending')),
	CONSTRAINT fk_audit_logs_analysis FOREIGN KEY (analysis_id) REFERENCES analyses (id) ON DELETE SET NULL
);

CREATE INDEX idx_audit_logs_user_id ON audit_logs (user_id);
CREATE INDEX idx_audit_logs_analysis_id ON audit_logs (analysis_id);
CREATE INDEX idx_audit_logs_action ON audit_logs (action);
CREATE INDEX idx_audit_logs_status ON audit_logs (status);
CREATE INDEX idx_audit_logs_created_at ON audit_logs (created_at);

-- +downgrade
DROP INDEX idx_audit_logs_created_at;
DROP INDEX idx_audit_logs_status;
DROP INDEX idx_audit_logs_action;
DROP INDEX idx_audit_logs_analysis_id;
DROP INDEX idx_audit_logs_user_id;
DROP TABLE audit_logs;

DROP TRIGGER trg_analyses_updated_at ON analyses;
DROP INDEX idx_analyses_created_at;
DROP INDEX idx_analyses_detected_salary;
DROP INDEX idx_analyses_confidence;
DROP INDEX idx_analyses_user_id;
DROP TABLE analyses;
