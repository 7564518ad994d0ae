package io.github.migrations.core.lint;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lint flags a column type change ({@code column-type-change}) exactly when the server
 * rewrites the table for it (its {@code relfilenode} changes), for the {@code USING}
 * forms the differ writes.
 */
class ServerRewritesTests {

	private static final String TABLE = """
			CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(10,2), code varchar(20), note varchar(20));
			""";

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void aWideningUsingTheColumnCastToTheNewTypeKeepsTheTableAndIsNotFlagged() throws SQLException {
		List<String> widenings = List.of(
				"ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(12,2) USING amount::numeric(12,2)",
				"ALTER TABLE invoices ALTER COLUMN code TYPE character varying(40) USING code::character varying(40)",
				"ALTER TABLE invoices ALTER COLUMN note TYPE text USING (note)::text",
				"ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(14,2) USING CAST(amount AS numeric(14,2))");
		for (String widening : widenings) {
			assertThat(rewrites(widening)).as(widening).isFalse();
			assertThat(flagged(widening)).as(widening).isFalse();
		}
	}

	@Test
	void aCastToAnotherScaleOrThroughAnotherTypeRewritesTheTableAndIsFlagged() throws SQLException {
		List<String> rewrites = List.of(
				"ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(12,3) USING amount::numeric(12,3)",
				"ALTER TABLE invoices ALTER COLUMN code TYPE varchar(40) USING code::text::varchar(40)",
				"ALTER TABLE invoices ALTER COLUMN code TYPE varchar(40) USING upper(code)::varchar(40)");
		for (String rewrite : rewrites) {
			assertThat(rewrites(rewrite)).as(rewrite).isTrue();
			assertThat(flagged(rewrite)).as(rewrite).isTrue();
		}
	}

	private boolean flagged(String statement) {
		List<LintFile> files = List
			.of(file("a1", "-- revision: a1\n-- down_revision: base\n-- +upgrade\n" + TABLE), file("a2",
					"-- revision: a2\n-- down_revision: a1\n-- lock_timeout: 2s\n-- +upgrade\n" + statement + ";\n"));
		return Linter.forFiles()
			.lint(files, Set.of("a2"), Set.of())
			.findings()
			.stream()
			.anyMatch((finding) -> finding.rule() == Rule.COLUMN_TYPE_CHANGE);
	}

	/**
	 * Whether the statement, run on the table holding a row, gives it a new file.
	 */
	private boolean rewrites(String statement) throws SQLException {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("DROP TABLE IF EXISTS invoices");
			sql.execute(TABLE);
			sql.execute("INSERT INTO invoices VALUES (1, 12.5, 'A-1', 'paid')");
			long before = fileNode(sql);
			sql.execute(statement);
			return fileNode(sql) != before;
		}
	}

	private static long fileNode(Statement sql) throws SQLException {
		try (ResultSet row = sql.executeQuery("SELECT pg_relation_filenode('invoices')")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static LintFile file(String id, String text) {
		return LintFile.of("db/revisions/" + id + "_change.sql", text.getBytes(StandardCharsets.UTF_8));
	}

}
