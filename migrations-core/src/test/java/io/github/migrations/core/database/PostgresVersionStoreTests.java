package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.script.ScriptParser;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresVersionStoreTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final PostgresVersionStore store = new PostgresVersionStore(null, true, "migrations_revisions",
			"migrations_log", "migrations_fingerprint");

	@Test
	void appliedTimeIsReadBackToTheMicrosecondInUtc() throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection()) {
			this.store.ensure(connection);
			this.database.execute("INSERT INTO migrations_revisions (revision, applied_at) "
					+ "VALUES ('a1', '2026-11-21 18:41:59.433581+02'), ('b2', '1969-12-31 23:59:59.999999+00')");
			List<AppliedRevision> applied = this.store.applied(connection);
			assertThat(applied).extracting(AppliedRevision::revision).containsExactly("b2", "a1");
			assertThat(applied).extracting(AppliedRevision::appliedAt)
				.containsExactly(OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
						OffsetDateTime.of(2026, 11, 21, 16, 41, 59, 433_581_000, ZoneOffset.UTC));
		}
	}

	@Test
	void recordingARunTogetherKeepsItsOrderTimesAndMessages() throws SQLException {
		SqlScript first = script("a1", "base", "first");
		SqlScript second = script("b2", "a1", "it's the second");
		try (Connection connection = this.database.dataSource().getConnection()) {
			this.store.ensure(connection);
			connection.setAutoCommit(false);
			execute(connection, this.store.recordAllSql(Direction.UPGRADE,
					List.of(new CompletedRevision(first, 12, 1_000), new CompletedRevision(second, 3, 2_500))));
			connection.commit();
			connection.setAutoCommit(true);
			List<AppliedRevision> applied = this.store.applied(connection);
			assertThat(applied)
				.extracting(AppliedRevision::revision, AppliedRevision::downRevisions, AppliedRevision::checksum,
						AppliedRevision::executionMs)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("a1", List.of(), first.checksum(), 12L),
						org.assertj.core.groups.Tuple.tuple("b2", List.of("a1"), second.checksum(), 3L));
			assertThat(applied.get(1).appliedAt()).isEqualTo(applied.get(0).appliedAt().plusNanos(1_500_000));
			assertThat(this.store.log(connection)).extracting(LogEntry::revision, LogEntry::action, LogEntry::message)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "upgrade", "first"),
						org.assertj.core.groups.Tuple.tuple("b2", "upgrade", "it's the second"));

			execute(connection, this.store.recordAllSql(Direction.DOWNGRADE,
					List.of(new CompletedRevision(second, 1, 10), new CompletedRevision(first, 1, 20))));
			assertThat(this.store.applied(connection)).isEmpty();
			assertThat(this.store.log(connection)).extracting(LogEntry::action)
				.containsExactly("upgrade", "upgrade", "downgrade", "downgrade");
		}
	}

	@Test
	void messagesAreRecordedVerbatimWhateverStandardConformingStringsSays() throws SQLException {
		String hostile = "x\\', true, 0); DROP TABLE victim; -- C:\\data\\ it's";
		SqlScript script = script("a1", "base", hostile);
		try (Connection connection = this.database.dataSource().getConnection()) {
			this.store.ensure(connection);
			execute(connection, List.of("CREATE TABLE victim (id int)", "SET standard_conforming_strings = off",
					"SET escape_string_warning = off", this.store.recordSql(script, Direction.UPGRADE, false)));
			execute(connection, List.of("SET standard_conforming_strings = on",
					this.store.recordSql(script("b2", "a1", hostile), Direction.UPGRADE, false)));
			assertThat(this.store.log(connection)).extracting(LogEntry::message).containsExactly(hostile, hostile);
			assertThat(this.database.tableExists("victim")).isTrue();
		}
	}

	private static void execute(Connection connection, List<String> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static SqlScript script(String id, String parent, String message) {
		return ScriptParser.parse(id + ".sql", """
				-- revision: %s
				-- down_revision: %s
				-- message: %s
				-- +upgrade
				-- +downgrade
				""".formatted(id, parent, message));
	}

}
