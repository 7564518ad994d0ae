package io.github.migrations.sample.schema;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the migrated schema does with rows: triggers, the generated search column,
 * cascades and checks.
 */
class SampleSchemaTests {

	private static final String INVOICE = """
			INSERT INTO invoices (id, tenant_id, gmail_message_id, vendor_name, amount, status)
			VALUES ('%s', '%s', '%s', 'Acme Hosting', 120.00, '%s')""";

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@BeforeEach
	void migrate() {
		Migrator.builder(this.database.dataSource()).locations("classpath:db/revisions").build().upgrade(Target.head());
	}

	private void invoice(String id, String tenant, String gmailMessageId, String status) {
		this.database.execute(INVOICE.formatted(id, tenant, gmailMessageId, status));
	}

	private String count(String table) {
		return this.database.query("SELECT count(*) FROM " + table).get(0);
	}

	@Test
	void updatedAtTriggerRefreshesTheTimestampOnEveryUpdate() {
		invoice("00000000-0000-0000-0000-000000000001", "acme", "msg-1", "detected");
		this.database.execute("UPDATE invoices SET updated_at = '2001-01-01', created_at = '2001-01-01'");
		this.database.execute("UPDATE invoices SET status = 'pending'");
		assertThat(this.database.query("SELECT updated_at > created_at FROM invoices")).containsExactly("t");
	}

	@Test
	void sectionsAreFoundThroughTheirGeneratedSearchVector() {
		this.database.execute("""
				INSERT INTO documents (id, title, version, file_path) VALUES
				('00000000-0000-0000-0000-0000000000d1', 'Exchange rules', '2.1', '/docs/rules.pdf')""");
		this.database.execute(
				"""
						INSERT INTO sections (document_id, level, title, content, order_index) VALUES
						('00000000-0000-0000-0000-0000000000d1', 1, 'Order matching', 'Limit orders match by price, then time.', 1),
						('00000000-0000-0000-0000-0000000000d1', 1, 'Fees', 'Makers pay less than takers.', 2)""");
		String search = "SELECT title FROM sections WHERE search_vector @@ plainto_tsquery('english', '%s') ORDER BY 1";
		assertThat(this.database.query(search.formatted("matching orders"))).containsExactly("Order matching");
		this.database.execute("UPDATE sections SET content = 'Takers match resting orders.' WHERE title = 'Fees'");
		assertThat(this.database.query(search.formatted("takers"))).containsExactly("Fees");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.database.execute("UPDATE sections SET search_vector = to_tsvector('x')"))
			.withMessageContaining("search_vector");
	}

	@Test
	void deletingADocumentCascadesToItsSectionsAndTheirSubsections() {
		this.database.execute("""
				INSERT INTO documents (id, title, version, file_path) VALUES
				('00000000-0000-0000-0000-0000000000d1', 'Exchange rules', '2.1', '/docs/rules.pdf');
				INSERT INTO sections (id, document_id, level, title, content, order_index) VALUES
				('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000d1', 1, 'Trading', '', 1);
				INSERT INTO sections (document_id, parent_id, level, title, content, order_index) VALUES
				('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000a1', 2, 'Hours', '', 2)""");
		this.database.execute("DELETE FROM documents");
		assertThat(count("sections")).isEqualTo("0");
	}

	@Test
	void deletingAnInvoiceCascadesToItsRemindersAndActions() {
		invoice("00000000-0000-0000-0000-000000000001", "acme", "msg-1", "overdue");
		this.database.execute("""
				INSERT INTO invoice_reminders (invoice_id, scheduled_at)
				VALUES ('00000000-0000-0000-0000-000000000001', now() + interval '1 day');
				INSERT INTO invoice_actions (invoice_id, action_type)
				VALUES ('00000000-0000-0000-0000-000000000001', 'detected')""");
		this.database.execute("DELETE FROM invoices");
		assertThat(count("invoice_reminders")).isEqualTo("0");
		assertThat(count("invoice_actions")).isEqualTo("0");
	}

	@Test
	void aGmailMessageBecomesOneInvoicePerTenant() {
		invoice("00000000-0000-0000-0000-000000000001", "acme", "msg-1", "detected");
		invoice("00000000-0000-0000-0000-000000000002", "globex", "msg-1", "detected");
		assertThatIllegalStateException()
			.isThrownBy(() -> invoice("00000000-0000-0000-0000-000000000003", "acme", "msg-1", "detected"))
			.withMessageContaining("uq_invoice_tenant_gmail_message");
	}

	@Test
	void statusesOutsideTheSeedsListsAreRejected() {
		assertThatIllegalStateException()
			.isThrownBy(() -> invoice("00000000-0000-0000-0000-000000000001", "acme", "msg-1", "lost"))
			.withMessageContaining("ck_invoice_status");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.database.execute(
					"INSERT INTO analyses (user_id, file_name, confidence) " + "VALUES ('u1', 'march.pdf', 'certain')"))
			.withMessageContaining("ck_analyses_confidence");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.database
				.execute("INSERT INTO audit_logs (user_id, action, status) " + "VALUES ('u1', 'upload', 'done')"))
			.withMessageContaining("ck_audit_logs_status");
	}

	@Test
	void deletingAnAnalysisKeepsItsAuditTrail() {
		this.database.execute("""
				INSERT INTO analyses (id, user_id, file_name, confidence)
				VALUES ('00000000-0000-0000-0000-0000000000b1', 'u1', 'march.pdf', 'high');
				INSERT INTO audit_logs (user_id, analysis_id, action, status)
				VALUES ('u1', '00000000-0000-0000-0000-0000000000b1', 'analyse', 'success')""");
		this.database.execute("DELETE FROM analyses");
		assertThat(this.database.query("SELECT coalesce(analysis_id::text, 'none') FROM audit_logs"))
			.containsExactly("none");
	}

	@Test
	void deletingAMeetingCascadesToItsParticipantsAndActionItems() {
		this.database.execute(
				"""
						INSERT INTO meetings (id, tenant_id, title, organizer_email, starts_at)
						VALUES ('00000000-0000-0000-0000-0000000000c1', 'acme', 'Kick-off', 'ana@acme.test', now());
						INSERT INTO meeting_participants (meeting_id, email) VALUES ('00000000-0000-0000-0000-0000000000c1', 'bo@acme.test');
						INSERT INTO meeting_action_items (meeting_id, description)
						VALUES ('00000000-0000-0000-0000-0000000000c1', 'Send the notes')""");
		this.database.execute("DELETE FROM meetings");
		assertThat(count("meeting_participants")).isEqualTo("0");
		assertThat(count("meeting_action_items")).isEqualTo("0");
	}

}
