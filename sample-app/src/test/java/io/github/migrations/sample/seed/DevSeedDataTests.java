package io.github.migrations.sample.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development seed data of seed 000, on a migrated database.
 */
class DevSeedDataTests {

	private static final List<String> TABLES = List.of("invoices", "invoice_reminders", "invoice_actions", "meetings",
			"meeting_participants", "meeting_action_items", "analyses", "audit_logs");

	private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private DevSeedData seedData;

	@BeforeEach
	void migrate() {
		Migrator.builder(this.database.dataSource()).locations("classpath:db/revisions").build().upgrade(Target.head());
		this.seedData = new DevSeedData(JdbcClient.create(this.database.dataSource()),
				new TransactionTemplate(new DataSourceTransactionManager(this.database.dataSource())));
	}

	/**
	 * Every row of the seeded tables, as text, in a stable order.
	 */
	private List<String> rows() {
		List<String> rows = new ArrayList<>();
		for (String table : TABLES) {
			rows.addAll(
					this.database.query("SELECT '%s ' || t::text FROM %s t ORDER BY t::text".formatted(table, table)));
		}
		return rows;
	}

	@Test
	void createsFiveInvoicesOneInEachState() {
		this.seedData.seed(TODAY);
		assertThat(this.database.query("SELECT status FROM invoices WHERE tenant_id = 'acme' ORDER BY status"))
			.containsExactly("detected", "overdue", "paid", "partial", "pending");
		assertThat(this.database
			.query("SELECT count(*) FROM invoices WHERE status = 'overdue' AND due_date < '2025-03-14'"))
			.containsExactly("1");
		assertThat(this.database.query("SELECT count(*) FROM invoices WHERE status = 'partial' AND amount_paid > 0 "
				+ "AND amount_paid < amount"))
			.containsExactly("1");
		assertThat(this.database.query("SELECT count(*) FROM invoices WHERE status = 'paid' AND amount_paid = amount "
				+ "AND paid_at IS NOT NULL"))
			.containsExactly("1");
	}

	@Test
	void schedulesOnePendingReminderForTheOverdueInvoice() {
		this.seedData.seed(TODAY);
		assertThat(this.database.query("""
				SELECT i.status || ' ' || r.status || ' ' || r.scheduled_at::date
				FROM invoice_reminders r JOIN invoices i ON i.id = r.invoice_id"""))
			.containsExactly("overdue pending 2025-03-15");
	}

	@Test
	void recordsAnAuditTrailForEveryInvoice() {
		this.seedData.seed(TODAY);
		assertThat(this.database.query("""
				SELECT i.status || ' ' || string_agg(a.action_type, ',' ORDER BY a.action_type)
				FROM invoices i JOIN invoice_actions a ON a.invoice_id = i.id
				GROUP BY i.status ORDER BY i.status""")).containsExactly("detected detected",
				"overdue confirmed,detected,marked_overdue,reminder_scheduled",
				"paid confirmed,detected,payment_recorded", "partial confirmed,detected,payment_recorded",
				"pending confirmed,detected");
	}

	@Test
	void seedsAMeetingAndAnAnalysisForTheOtherApis() {
		this.seedData.seed(TODAY);
		assertThat(this.database.query("SELECT count(*) FROM meeting_participants")).containsExactly("2");
		assertThat(this.database.query("SELECT count(*) FROM meeting_action_items")).containsExactly("2");
		assertThat(this.database.query("SELECT confidence FROM analyses")).containsExactly("high");
		assertThat(this.database.query("SELECT status FROM audit_logs WHERE analysis_id IS NOT NULL"))
			.containsExactly("success");
	}

	@Test
	void seedingAgainLeavesExactlyTheSameRows() {
		this.seedData.seed(TODAY);
		List<String> first = rows();
		this.seedData.seed(TODAY);
		assertThat(rows()).isEqualTo(first);
		this.seedData.seed(TODAY.plusDays(3));
		assertThat(rows()).isEqualTo(first);
	}

}
