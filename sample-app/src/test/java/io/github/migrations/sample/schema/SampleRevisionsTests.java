package io.github.migrations.sample.schema;

import java.util.List;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's revisions in {@code db/revisions}, run by the engine on a real
 * PostgreSQL: the graph, the schemas the seeds describe, and downgrades that exactly undo
 * their upgrades.
 */
class SampleRevisionsTests {

	private static final String LOCATION = "classpath:db/revisions";

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Catalog catalog = new Catalog(this.database);

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).locations(LOCATION).build();
	}

	private static List<String> ids(List<RevisionId> ids) {
		return ids.stream().map(RevisionId::value).toList();
	}

	@Test
	void graphBranchesFromTheBaseMergesAndEndsInOneHead() {
		RevisionGraph graph = migrator().graph();
		assertThat(ids(graph.bases())).containsExactly("0001");
		assertThat(ids(graph.heads())).containsExactly("0006");
		assertThat(ids(graph.children(RevisionId.of("0001")))).containsExactlyInAnyOrder("0002", "0003");
		assertThat(graph.get(RevisionId.of("0002")).branchLabels()).containsExactly("statements");
		assertThat(graph.get(RevisionId.of("0003")).branchLabels()).containsExactly("meetings");
		Revision merge = graph.get(RevisionId.of("0004"));
		assertThat(merge.isMerge()).isTrue();
		assertThat(ids(merge.downRevisions())).containsExactly("0002", "0003");
		Revision invoices = graph.get(RevisionId.of("0005"));
		assertThat(ids(invoices.downRevisions())).containsExactly("0004");
		assertThat(invoices.dependsOn()).containsExactly("0003");
		assertThat(ids(graph.get(RevisionId.of("0006")).downRevisions())).containsExactly("0005");
	}

	@Test
	void upgradeHeadAppliesEveryRevisionParentsFirst() {
		List<String> applied = ids(migrator().upgrade(Target.head()).revisions());
		assertThat(applied).hasSize(6).startsWith("0001").endsWith("0004", "0005", "0006");
		assertThat(applied.subList(1, 3)).containsExactlyInAnyOrder("0002", "0003");
		assertThat(migrator().current()).containsExactly("0006");
		assertThat(migrator().status(Target.head()).isUpToDate()).isTrue();
	}

	@Test
	void upgradeHeadCreatesTheSeedsTables() {
		migrator().upgrade(Target.head());
		assertThat(this.catalog.tables()).containsExactly("analyses", "audit_logs", "documents", "invoice_actions",
				"invoice_reminders", "invoices", "meeting_action_items", "meeting_participants", "meetings",
				"sections");
	}

	@Test
	void upgradeHeadCreatesTheSharedTriggerFunctionAndAnUpdatedAtTriggerPerMutableTable() {
		migrator().upgrade(Target.head());
		assertThat(this.catalog.functions()).containsExactly("update_updated_at_column()");
		assertThat(this.catalog.triggers()).containsExactly("analyses.trg_analyses_updated_at",
				"documents.trg_documents_updated_at", "invoice_reminders.trg_invoice_reminders_updated_at",
				"invoices.trg_invoices_updated_at", "meeting_action_items.trg_meeting_action_items_updated_at",
				"meeting_participants.trg_meeting_participants_updated_at", "meetings.trg_meetings_updated_at",
				"sections.trg_sections_updated_at");
		assertThat(this.catalog.trigger("trg_invoices_updated_at")).isEqualTo("CREATE TRIGGER trg_invoices_updated_at "
				+ "BEFORE UPDATE ON public.invoices FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()");
	}

	@Test
	void bankStatementsHaveTheIndexesChecksAndForeignKeyOfSeed001() {
		migrator().upgrade(Target.parse("statements"));
		assertThat(this.catalog.indexes()).containsExactlyInAnyOrder("pk_analyses", "idx_analyses_user_id",
				"idx_analyses_confidence", "idx_analyses_detected_salary", "idx_analyses_created_at", "pk_audit_logs",
				"idx_audit_logs_user_id", "idx_audit_logs_analysis_id", "idx_audit_logs_action",
				"idx_audit_logs_status", "idx_audit_logs_created_at");
		assertThat(this.catalog.constraint("ck_analyses_confidence")).isEqualTo(
				"CHECK (((confidence)::text = ANY ((ARRAY['high'::character varying, 'medium'::character varying, "
						+ "'low'::character varying])::text[])))");
		assertThat(this.catalog.constraint("ck_audit_logs_status")).isEqualTo(
				"CHECK (((status)::text = ANY ((ARRAY['success'::character varying, 'failed'::character varying, "
						+ "'pending'::character varying])::text[])))");
		assertThat(this.catalog.constraint("fk_audit_logs_analysis"))
			.isEqualTo("FOREIGN KEY (analysis_id) REFERENCES analyses(id) ON DELETE SET NULL");
		assertThat(this.catalog.tables()).doesNotContain("meetings", "invoices");
	}

	@Test
	void meetingPilotIsMultiTenantWithCascadingChildren() {
		migrator().upgrade(Target.parse("meetings"));
		assertThat(this.catalog.tables()).containsExactly("meeting_action_items", "meeting_participants", "meetings");
		assertThat(this.catalog.columns("meetings")).contains("tenant_id character varying(64) not null");
		assertThat(this.catalog.index("idx_meeting_tenant_starts_at")).endsWith("USING btree (tenant_id, starts_at)");
		assertThat(this.catalog.index("idx_meeting_tenant_status")).endsWith("USING btree (tenant_id, status)");
		assertThat(this.catalog.constraint("fk_participant_meeting"))
			.isEqualTo("FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE");
		assertThat(this.catalog.constraint("fk_action_item_meeting"))
			.isEqualTo("FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE");
		assertThat(this.catalog.constraint("uq_participant_meeting_email")).isEqualTo("UNIQUE (meeting_id, email)");
	}

	@Test
	void invoicePilotHasTheSevenIndexesTheUniqueDetectionAndCascadingForeignKeysOfSeed000() {
		migrator().upgrade(Target.parse("0005"));
		assertThat(this.catalog.index("idx_invoice_tenant_status"))
			.endsWith("ON public.invoices USING btree (tenant_id, status)");
		assertThat(this.catalog.index("idx_invoice_tenant_due_date"))
			.endsWith("ON public.invoices USING btree (tenant_id, due_date)");
		assertThat(this.catalog.index("idx_invoice_status_due_date"))
			.endsWith("ON public.invoices USING btree (status, due_date)");
		assertThat(this.catalog.index("idx_reminder_invoice_status"))
			.endsWith("ON public.invoice_reminders USING btree (invoice_id, status)");
		assertThat(this.catalog.index("idx_reminder_status_scheduled"))
			.endsWith("ON public.invoice_reminders USING btree (status, scheduled_at)");
		assertThat(this.catalog.index("idx_action_invoice_timestamp"))
			.endsWith("ON public.invoice_actions USING btree (invoice_id, \"timestamp\")");
		assertThat(this.catalog.index("idx_action_type_timestamp"))
			.endsWith("ON public.invoice_actions USING btree (action_type, \"timestamp\")");
		assertThat(this.catalog.constraint("uq_invoice_tenant_gmail_message"))
			.isEqualTo("UNIQUE (tenant_id, gmail_message_id)");
		assertThat(this.catalog.index("uq_invoice_tenant_gmail_message")).startsWith("CREATE UNIQUE INDEX");
		assertThat(this.catalog.constraint("fk_reminder_invoice"))
			.isEqualTo("FOREIGN KEY (invoice_id) REFERENCES invoices(id) ON DELETE CASCADE");
		assertThat(this.catalog.constraint("fk_action_invoice"))
			.isEqualTo("FOREIGN KEY (invoice_id) REFERENCES invoices(id) ON DELETE CASCADE");
		assertThat(this.catalog.constraint("ck_invoice_status")).contains("'detected'", "'pending'", "'overdue'",
				"'partial'", "'paid'");
		assertThat(this.catalog.tables()).doesNotContain("documents", "sections");
	}

	@Test
	void documentSearchHasTheColumnsGeneratedVectorAndIndexesOfSeed004() {
		migrator().upgrade(Target.head());
		assertThat(this.catalog.columns("documents")).containsExactly("id uuid not null",
				"title character varying(255) not null", "version character varying(50) not null",
				"upload_date timestamp without time zone not null", "file_path character varying(500) not null",
				"page_count integer null", "processing_status character varying(50) not null", "metadata jsonb null",
				"created_at timestamp without time zone not null", "updated_at timestamp without time zone not null");
		assertThat(this.catalog.columns("sections")).containsExactly("id uuid not null", "document_id uuid not null",
				"level integer not null", "title character varying(500) not null", "content text not null",
				"page_number integer null", "parent_id uuid null", "order_index integer not null",
				"search_vector tsvector null", "created_at timestamp without time zone not null",
				"updated_at timestamp without time zone not null");
		assertThat(this.catalog.generatedColumns()).singleElement()
			.asString()
			.startsWith("sections.search_vector tsvector = ")
			.contains("to_tsvector('english'::regconfig");
		assertThat(this.catalog.index("idx_sections_fts")).endsWith("ON public.sections USING gin (search_vector)");
		assertThat(this.catalog.index("idx_sections_document"))
			.endsWith("ON public.sections USING btree (document_id)");
		assertThat(this.catalog.index("idx_sections_parent")).endsWith("ON public.sections USING btree (parent_id)");
		assertThat(this.catalog.index("idx_sections_order"))
			.endsWith("ON public.sections USING btree (document_id, order_index)");
		assertThat(this.catalog.index("idx_documents_status"))
			.endsWith("ON public.documents USING btree (processing_status)");
		assertThat(this.catalog.constraint("fk_sections_document"))
			.isEqualTo("FOREIGN KEY (document_id) REFERENCES documents(id) ON DELETE CASCADE");
		assertThat(this.catalog.constraint("fk_sections_parent"))
			.isEqualTo("FOREIGN KEY (parent_id) REFERENCES sections(id) ON DELETE CASCADE");
	}

}
