-- revision: 0003
-- down_revision: 0001
-- branch_labels: meetings
-- message: meeting pilot: meetings, participants and action items per tenant

-- Every query starts from a tenant, so tenant_id leads the meeting indexes; participants and
-- action items belong to their meeting and go with it.

-- +upgrade
CREATE TABLE meetings (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	tenant_id varchar(64) NOT NULL,
	title varchar(255) NOT NULL,
	description text,
	organizer_email varchar(255) NOT NULL,
	starts_at timestamptz NOT NULL,
	ends_at timestamptz,
	status varchar(20) NOT NULL DEFAULT 'scheduled',
	meeting_url varchar(500),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_meetings PRIMARY KEY (id),
	CONSTRAINT ck_meetings_status CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT ck_meetings_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at)
);

CREATE INDEX idx_meeting_tenant_starts_at ON meetings (tenant_id, starts_at);
CREATE INDEX idx_meeting_tenant_status ON meetings (tenant_id, status);

CREATE TRIGGER trg_meetings_updated_at
	BEFORE UPDATE ON meetings
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE meeting_participants (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	meeting_id uuid NOT NULL,
	email varchar(255) NOT NULL,
	display_name varchar(255),
	role varchar(20) NOT NULL DEFAULT 'attendee',
	response_status varchar(20) NOT NULL DEFAULT 'pending',
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_meeting_participants PRIMARY KEY (id),
	CONSTRAINT uq_participant_meeting_email UNIQUE (meeting_id, email),
	CONSTRAINT ck_participant_role CHECK (role IN ('organizer', 'attendee', 'optional')),
	CONSTRAINT ck_participant_response CHECK (response_status IN ('pending', 'accepted', 'declined', 'tentative')),
	CONSTRAINT fk_participant_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE INDEX idx_participant_email ON meeting_participants (email);

CREATE TRIGGER trg_meeting_participants_updated_at
	BEFORE UPDATE ON meeting_participants
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE meeting_action_items (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	meeting_id uuid NOT NULL,
	description text NOT NULL,
	assignee_email varchar(255),
	due_date date,
	status varchar(20) NOT NULL DEFAULT 'open',
	completed_at timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_meeting_action_items PRIMARY KEY (id),
	CONSTRAINT ck_action_item_status CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT fk_action_item_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE INDEX idx_action_item_meeting_status ON meeting_action_items (meeting_id, status);
CREATE INDEX idx_action_item_assignee_status ON meeting_action_items (assignee_email, status);

CREATE TRIGGER trg_meeting_action_items_updated_at
	BEFORE UPDATE ON meeting_action_items
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- +downgrade
DROP TRIGGER trg_meeting_action_items_updated_at ON meeting_action_items;
DROP INDEX idx_action_item_assignee_status;
DROP INDEX idx_action_item_meeting_status;
DROP TABLE meeting_action_items;

DROP TRIGGER trg_meeting_participants_updated_at ON meeting_participants;
DROP INDEX idx_participant_email;
DROP TABLE meeting_participants;

DROP TRIGGER trg_meetings_updated_at ON meetings;
DROP INDEX idx_meeting_tenant_status;
DROP INDEX idx_meeting_tenant_starts_at;
DROP TABLE meetings;
