package io.github.migrations.core.lint;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lint flags a column type change ({@code column-type-change}) exactly when the server
 * rewrites the table or one of its indexes for it (a {@code relfilenode} changes), for
 * the {@code USING} forms the differ writes and for the names a type goes by.
 */
class ServerRewritesTests {

	private static final String TABLE = """
			CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(10,2), code varchar(20), note varchar(20));
			""";

	/** The columns of {@code readings}, each declared with another name of its type. */
	private static final Map<String, String> ALIASED = aliased();

	private static final String READING = "INSERT INTO readings (id, sensor, value, label, codes) "
			+ "VALUES (1, 7, 2.5, 'north', '{1,2}')";

	private static final String READINGS = "CREATE TABLE readings (%s);".formatted(ALIASED.entrySet()
		.stream()
		.map((column) -> column.getKey() + " " + column.getValue()
				+ (column.getKey().equals("id") ? " PRIMARY KEY" : ""))
		.collect(Collectors.joining(", ")));

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

	@Test
	void aTypeSpelledByAnotherOfItsNamesKeepsTheTableAndIsNotFlagged() throws SQLException {
		List<String> sameTypes = List.of("ALTER TABLE readings ALTER COLUMN id TYPE bigint",
				"ALTER TABLE readings ALTER COLUMN sensor TYPE integer",
				"ALTER TABLE readings ALTER COLUMN level TYPE smallint",
				"ALTER TABLE readings ALTER COLUMN value TYPE double precision",
				"ALTER TABLE readings ALTER COLUMN value TYPE float",
				"ALTER TABLE readings ALTER COLUMN ratio TYPE float(24)",
				"ALTER TABLE readings ALTER COLUMN ok TYPE boolean",
				"ALTER TABLE readings ALTER COLUMN label TYPE character varying(20)",
				"ALTER TABLE readings ALTER COLUMN at TYPE timestamp(3) with time zone",
				"ALTER TABLE readings ALTER COLUMN seen TYPE time with time zone",
				"ALTER TABLE readings ALTER COLUMN amount TYPE numeric(10,0)",
				"ALTER TABLE readings ALTER COLUMN price TYPE numeric(12,2)",
				"ALTER TABLE readings ALTER COLUMN tag TYPE character(1)",
				"ALTER TABLE readings ALTER COLUMN codes TYPE integer[]");
		for (String sameType : sameTypes) {
			assertThat(rewrites(READINGS, READING, sameType)).as(sameType).isFalse();
			assertThat(flagged(READINGS, sameType)).as(sameType).isFalse();
		}
	}

	@Test
	void aChangeBetweenTypesSpelledByTheirAliasesRewritesTheTableAndIsStillFlagged() throws SQLException {
		List<String> changes = List.of("ALTER TABLE readings ALTER COLUMN sensor TYPE int8",
				"ALTER TABLE readings ALTER COLUMN level TYPE int4",
				"ALTER TABLE readings ALTER COLUMN ratio TYPE float8",
				"ALTER TABLE readings ALTER COLUMN value TYPE float(24)",
				"ALTER TABLE readings ALTER COLUMN price TYPE decimal(12,3)",
				"ALTER TABLE readings ALTER COLUMN codes TYPE int8[]");
		for (String change : changes) {
			assertThat(rewrites(READINGS, READING, change)).as(change).isTrue();
			assertThat(flagged(READINGS, change)).as(change).isTrue();
		}
	}

	@Test
	void eachAliasStandsForTheNameTheServerPrintsForItsType() throws SQLException {
		Map<String, String> printed = new LinkedHashMap<>();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("DROP TABLE IF EXISTS readings");
			sql.execute(READINGS);
			try (ResultSet rows = sql.executeQuery("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
					+ "WHERE attrelid = 'readings'::regclass AND attnum > 0 ORDER BY attnum")) {
				while (rows.next()) {
					printed.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		Map<String, String> canonical = new LinkedHashMap<>();
		ALIASED.forEach((column, type) -> canonical.put(column, Types.canonical(type)));
		assertThat(canonical).containsExactlyEntriesOf(printed);
	}

	private boolean flagged(String statement) {
		return flagged(TABLE, statement);
	}

	private boolean flagged(String table, String statement) {
		List<LintFile> files = List
			.of(file("a1", "-- revision: a1\n-- down_revision: base\n-- +upgrade\n" + table + "\n"), file("a2",
					"-- revision: a2\n-- down_revision: a1\n-- lock_timeout: 2s\n-- +upgrade\n" + statement + ";\n"));
		return Linter.forFiles()
			.lint(files, Set.of("a2"), Set.of())
			.findings()
			.stream()
			.anyMatch((finding) -> finding.rule() == Rule.COLUMN_TYPE_CHANGE);
	}

	private boolean rewrites(String statement) throws SQLException {
		return rewrites(TABLE, "INSERT INTO invoices VALUES (1, 12.5, 'A-1', 'paid')", statement);
	}

	/**
	 * Whether the statement, run on the table holding the row, gives it or one of its
	 * indexes a new file.
	 */
	private boolean rewrites(String table, String row, String statement) throws SQLException {
		String name = table.substring("CREATE TABLE ".length(), table.indexOf(' ', "CREATE TABLE ".length()));
		try (Connection connection = this.database.dataSource().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("DROP TABLE IF EXISTS " + name);
			sql.execute(table);
			sql.execute(row);
			String before = fileNodes(sql, name);
			sql.execute(statement);
			return !fileNodes(sql, name).equals(before);
		}
	}

	private static String fileNodes(Statement sql, String table) throws SQLException {
		try (ResultSet row = sql
			.executeQuery(("SELECT string_agg(pg_relation_filenode(oid)::text, ',' ORDER BY relname) "
					+ "FROM pg_class WHERE oid = '%s'::regclass "
					+ "OR oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = '%s'::regclass)")
				.formatted(table, table))) {
			row.next();
			return row.getString(1);
		}
	}

	private static Map<String, String> aliased() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("id", "int8");
		columns.put("sensor", "int4");
		columns.put("level", "int2");
		columns.put("value", "float8");
		columns.put("ratio", "float4");
		columns.put("ok", "bool");
		columns.put("label", "varchar(20)");
		columns.put("at", "timestamptz(3)");
		columns.put("seen", "timetz");
		columns.put("amount", "decimal(10)");
		columns.put("price", "decimal(12,2)");
		columns.put("tag", "char");
		columns.put("codes", "int4[]");
		columns.put("moment", "timestamp");
		columns.put("total", "int");
		columns.put("loose", "varchar");
		columns.put("mask", "varbit(8)");
		columns.put("bits", "bit");
		columns.put("measure", "float(10)");
		return columns;
	}

	private static LintFile file(String id, String text) {
		return LintFile.of("db/revisions/" + id + "_change.sql", text.getBytes(StandardCharsets.UTF_8));
	}

}
