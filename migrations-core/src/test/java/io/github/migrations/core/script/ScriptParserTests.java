package io.github.migrations.core.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.revision.RevisionId;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ScriptParserTests {

	private static final String FILE = "db/revisions/7c41e0a9b2d3_orders.sql";

	private static final String HEADER = "-- revision: a1\n-- down_revision: base\n";

	private static final String KEYS = "'revision', 'down_revision', 'message', 'branch_labels', 'depends_on', "
			+ "'transactional', 'lock_timeout', 'statement_timeout', 'lint'";

	@Test
	void readsTheHeaderAndBothSections() {
		String text = """
				-- revision: 7c41e0a9b2d3
				-- down_revision: 1f09aa4c6e70
				-- message: add orders table: the first cut
				-- branch_labels: shopping, billing
				-- depends_on: 55ab12cd
				-- transactional: false
				-- lock_timeout: 5s
				-- statement_timeout: 10min

				-- +upgrade
				CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL);
				CREATE INDEX CONCURRENTLY orders_placed_at ON orders (placed_at);

				-- +downgrade
				DROP TABLE orders;
				""";
		SqlScript script = ScriptParser.parse(FILE, text);
		assertThat(script.revision().id()).isEqualTo(RevisionId.of("7c41e0a9b2d3"));
		assertThat(script.revision().downRevisions()).containsExactly(RevisionId.of("1f09aa4c6e70"));
		assertThat(script.revision().message()).isEqualTo("add orders table: the first cut");
		assertThat(script.revision().branchLabels()).containsExactlyInAnyOrder("shopping", "billing");
		assertThat(script.revision().dependsOn()).containsExactly("55ab12cd");
		assertThat(script.revision().source()).isEqualTo(FILE);
		assertThat(script.source()).isEqualTo(FILE);
		assertThat(script.upgrade()).containsExactly(
				new SqlStatement("CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL)", 11),
				new SqlStatement("CREATE INDEX CONCURRENTLY orders_placed_at ON orders (placed_at)", 12));
		assertThat(script.downgrade()).containsExactly(new SqlStatement("DROP TABLE orders", 15));
		assertThat(script.transactional()).isFalse();
		assertThat(script.lockTimeout()).isEqualTo("5s");
		assertThat(script.statementTimeout()).isEqualTo("10min");
		assertThat(script.checksum()).isEqualTo(Checksums.sha256(text.getBytes(StandardCharsets.UTF_8))).hasSize(64);
	}

	@Test
	void optionalHeaderKeysHaveDefaults() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "-- +upgrade\nSELECT 1;\n");
		assertThat(script.revision().isBase()).isTrue();
		assertThat(script.revision().message()).isNull();
		assertThat(script.revision().branchLabels()).isEmpty();
		assertThat(script.revision().dependsOn()).isEmpty();
		assertThat(script.transactional()).isTrue();
		assertThat(script.lockTimeout()).isNull();
		assertThat(script.statementTimeout()).isNull();
	}

	@Test
	void alembicNoneMeansBase() {
		SqlScript script = ScriptParser.parse(FILE,
				"-- revision: a1\n-- down_revision: None\n-- branch_labels: None\n-- depends_on: None\n");
		assertThat(script.revision().isBase()).isTrue();
		assertThat(script.revision().branchLabels()).isEmpty();
		assertThat(script.revision().dependsOn()).isEmpty();
	}

	@Test
	void mergeRevisionListsItsParentsAndMayHaveEmptySections() {
		SqlScript script = ScriptParser.parse(FILE, """
				-- revision: c3
				-- down_revision: a1,b2 , 0042
				-- +upgrade
				-- +downgrade
				""");
		assertThat(script.revision().isMerge()).isTrue();
		assertThat(script.revision().downRevisions()).extracting(RevisionId::value).containsExactly("a1", "b2", "0042");
		assertThat(script.upgrade()).isEmpty();
		assertThat(script.downgrade()).isEmpty();
	}

	@Test
	void headerOnlyFileIsAnEmptyRevision() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "\n-- nothing yet\n");
		assertThat(script.upgrade()).isEmpty();
		assertThat(script.downgrade()).isEmpty();
	}

	@Test
	void withoutDowngradeSectionTheRevisionCannotBeDowngraded() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "-- +upgrade\nSELECT 1;\n");
		assertThat(script.upgrade()).containsExactly(new SqlStatement("SELECT 1", 4));
		assertThat(script.downgrade()).isNull();
	}

	@Test
	void sectionsMayComeInEitherOrder() {
		SqlScript script = ScriptParser.parse(FILE, """
				-- revision: a1
				-- down_revision: base
				-- +downgrade
				DROP TABLE t;
				-- +upgrade
				CREATE TABLE t (id int);
				""");
		assertThat(script.upgrade()).containsExactly(new SqlStatement("CREATE TABLE t (id int)", 6));
		assertThat(script.downgrade()).containsExactly(new SqlStatement("DROP TABLE t", 4));
	}

	@Test
	void byteOrderMarkAndWindowsLineEndingsAreAccepted() {
		String text = HEADER + "-- +upgrade\nSELECT 'a\nb';\n-- +downgrade\n";
		byte[] windows = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
		SqlScript script = ScriptParser.parse(FILE, windows);
		assertThat(script.upgrade()).containsExactly(new SqlStatement("SELECT 'a\nb'", 4));
		assertThat(script.checksum()).isEqualTo(ScriptParser.parse(FILE, text).checksum());
	}

	@Test
	void carriageReturnLineEndingsCountAsLinesInStatementsAndErrors() {
		String text = HEADER + "-- +upgrade\nSELECT 1;\n\nSELECT 'x\n-- +downgrade\n";
		byte[] oldMac = text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
		SqlScript script = ScriptParser.parse(FILE,
				(HEADER + "-- +upgrade\n\nSELECT 2;\n").replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
		assertThat(script.upgrade()).containsExactly(new SqlStatement("SELECT 2", 5));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> ScriptParser.parse(FILE, oldMac).upgrade())
			.satisfies((ex) -> assertThat(ex.location().line()).isEqualTo(6));
	}

	@Test
	void notUtf8IsReportedAtTheRightLineWhateverTheLineEndings() {
		byte[] latin1 = (HEADER + "-- message: caf\u00e9\n").replace("\n", "\r").getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> ScriptParser.parse(FILE, latin1))
			.withMessageStartingWith(FILE + ":3: the file is not valid UTF-8 (byte 0xE9 on this line).");
	}

	@Test
	void headerMayHoldBlankLinesAndOrdinaryComments() {
		SqlScript script = ScriptParser.parse(FILE, """
				-- Orders, as agreed with the shop team.
				-- See https://example.com/orders for details.
				/* a block comment;
				   over two lines */

				-- revision: a1
				-- down_revision: base
				-- +upgrade
				SELECT 1;
				""");
		assertThat(script.revision().id()).isEqualTo(RevisionId.of("a1"));
		assertThat(script.upgrade()).containsExactly(new SqlStatement("SELECT 1", 9));
	}

	@Test
	void markersMayBeIndentedAndHeaderKeysInSectionsAreComments() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "  -- +upgrade  \n-- revision: other\nSELECT 1;\n");
		assertThat(script.revision().id()).isEqualTo(RevisionId.of("a1"));
		assertThat(script.upgrade()).containsExactly(new SqlStatement("SELECT 1", 5));
	}

	@Test
	void timeoutsAcceptPostgresDurations() {
		for (String duration : List.of("500ms", "5s", "1min", "2h", "1d", "1500")) {
			SqlScript script = ScriptParser.parse(FILE,
					HEADER + "-- lock_timeout: " + duration + "\n-- statement_timeout: " + duration + "\n");
			assertThat(script.lockTimeout()).isEqualTo(duration);
			assertThat(script.statementTimeout()).isEqualTo(duration);
		}
	}

	@Test
	void misspelledHeaderKeySuggestsTheRightOne() {
		assertParseError("-- revision: a1\n-- down_revison: base\n").withMessage(
				FILE + ":2: unknown header key 'down_revison'. Did you mean 'down_revision'? The header keys are "
						+ KEYS + " (another word and a colon, as in '-- note: ...', is a free comment).");
	}

	@Test
	void headerKeyWithDashesSuggestsTheUnderscoredOne() {
		assertParseError(HEADER + "-- lock-timeout: 5s\n")
			.withMessageStartingWith(FILE + ":3: unknown header key 'lock-timeout'. Did you mean 'lock_timeout'? ");
	}

	@Test
	void freeFormHeaderCommentsThatAreNoMisspelledKeyAreAllowed() {
		SqlScript script = ScriptParser.parse(FILE, "-- revision: a1\n-- note: reviewed by DBA\n-- author: ada\n"
				+ "-- hint: keep in step with the view\n"
				+ "-- lint: allow add-column-default (small table)\n-- down_revision: base\n-- message: orders\n");
		assertThat(script.revision().id().value()).isEqualTo("a1");
		assertThat(script.revision().message()).isEqualTo("orders");
	}

	@Test
	void headerKeyGivenTwiceNamesBothLines() {
		assertParseError(HEADER + "\n-- revision: a2\n")
			.withMessage(FILE + ":4: 'revision' is given twice, on lines 1 and 4. Keep only one of the two lines.");
	}

	@Test
	void missingRevisionIsReportedOnLineOne() {
		assertParseError("-- message: orders\n-- down_revision: base\n-- +upgrade\nSELECT 1;\n")
			.withMessage(FILE + ":1: the header has no 'revision' line. "
					+ "Add it at the top of the file, for example '-- revision: 7c41e0a9b2d3'.");
	}

	@Test
	void missingDownRevisionIsReportedOnLineOne() {
		assertParseError("-- revision: a1\n-- +upgrade\nSELECT 1;\n").withMessage(
				FILE + ":1: the header has no 'down_revision' line. Add it below 'revision': '-- down_revision: base' "
						+ "for a first revision, or the id of the revision it follows, "
						+ "for example '-- down_revision: 1f09aa4c6e70'.");
	}

	@Test
	void headerKeyWithoutValueIsReportedOnItsLine() {
		assertParseError("-- revision:\n-- down_revision: base\n").withMessage(FILE + ":1: 'revision' has no value. "
				+ "Write the value after the colon, for example '-- revision: 7c41e0a9b2d3'.");
	}

	@Test
	void invalidRevisionIdIsReportedOnItsLine() {
		assertParseError("\n-- revision: 7c41-e0a9\n-- down_revision: base\n")
			.withMessage(FILE + ":2: revision '7c41-e0a9' is not a valid revision id. "
					+ "Use letters, digits and '_' only, for example '7c41e0a9b2d3'.");
	}

	@Test
	void reservedWordCannotBeARevisionId() {
		assertParseError("-- revision: head\n-- down_revision: base\n").withMessage(FILE
				+ ":1: revision 'head' is a reserved word. 'head', 'heads', 'base' and 'current' name targets, so no "
				+ "revision can take them; choose another id, for example '7c41e0a9b2d3'.");
	}

	@Test
	void currentIsReservedLikeHeadHeadsAndBase() {
		assertParseError("-- revision: current\n-- down_revision: base\n")
			.withMessageStartingWith(FILE + ":1: revision 'current' is a reserved word.");
		assertParseError("-- revision: c3\n-- down_revision: current\n")
			.withMessageStartingWith(FILE + ":2: down_revision 'current' is a reserved word.");
		assertThat(RevisionId.isValid("current")).isFalse();
	}

	@Test
	void invalidParentIdIsReportedOnItsLine() {
		assertParseError("-- revision: c3\n-- down_revision: a1, b2.0\n")
			.withMessage(FILE + ":2: down_revision 'b2.0' is not a valid revision id. "
					+ "Use letters, digits and '_' only, for example '7c41e0a9b2d3'.");
	}

	@Test
	void reservedWordCannotBeAParent() {
		assertParseError("-- revision: c3\n-- down_revision: heads\n")
			.withMessage(FILE + ":2: down_revision 'heads' is a reserved word. "
					+ "Name the parents by their ids, or write '-- down_revision: base' for a first revision.");
	}

	@Test
	void baseCannotBeListedWithParents() {
		assertParseError("-- revision: c3\n-- down_revision: a1, base\n")
			.withMessage(FILE + ":2: down_revision lists 'base' together with other revisions. "
					+ "Write '-- down_revision: base' alone for a first revision, or list only the parents' ids.");
	}

	@Test
	void emptyEntryInParentsIsReported() {
		assertParseError("-- revision: c3\n-- down_revision: a1,,b2\n")
			.withMessage(FILE + ":2: down_revision has an empty entry. Separate the entries with single commas, "
					+ "for example '-- down_revision: 1f09aa4c6e70, 55ab12cd9e01'.");
	}

	@Test
	void parentListedTwiceIsReported() {
		assertParseError("-- revision: c3\n-- down_revision: a1, a1\n")
			.withMessage(FILE + ":2: down_revision lists 'a1' twice. List each entry once.");
	}

	@Test
	void invalidBranchLabelIsReportedOnItsLine() {
		assertParseError(HEADER + "-- branch_labels: shop-ping\n")
			.withMessage(FILE + ":3: branch_labels 'shop-ping' is not a valid name. "
					+ "Use letters, digits and '_' only, for example '-- branch_labels: shopping, billing'.");
	}

	@Test
	void invalidDependencyIsReportedOnItsLine() {
		assertParseError(HEADER + "-- depends_on: 55ab12cd;\n")
			.withMessage(FILE + ":3: depends_on '55ab12cd;' is not a valid name. "
					+ "Use letters, digits and '_' only, for example '-- depends_on: 55ab12cd, billing'.");
	}

	@Test
	void transactionalMustBeTrueOrFalse() {
		assertParseError(HEADER + "-- transactional: no\n").withMessage(
				FILE + ":3: transactional must be 'true' or 'false', not 'no'. Write '-- transactional: false' to run "
						+ "the revision outside a transaction, or remove the line to run it in one.");
	}

	@Test
	void timeoutMustBeAPostgresDuration() {
		assertParseError(HEADER + "-- statement_timeout: 1.5 seconds\n").withMessage(FILE
				+ ":3: statement_timeout '1.5 seconds' is not a PostgreSQL duration. Write a whole number with a unit "
				+ "of ms, s, min, h or d, for example '5s' (a number alone means milliseconds).");
	}

	@Test
	void sqlBeforeTheFirstMarkerIsReported() {
		assertParseError(HEADER + "CREATE TABLE t (id int);\n-- +upgrade\n").withMessage(
				FILE + ":3: SQL before '-- +upgrade'. Move the statement below the marker, or turn it into a comment.");
	}

	@Test
	void sqlWithoutAnyMarkerIsReported() {
		assertParseError(HEADER + "\nCREATE TABLE t (id int);\n").withMessage(FILE
				+ ":4: SQL without a '-- +upgrade' marker. Add a line '-- +upgrade' above the statements that apply "
				+ "the revision, and '-- +downgrade' above those that undo it.");
	}

	@Test
	void sqlAboveTheDowngradeMarkerWithoutAnUpgradeMarkerIsReportedAsTheMissingUpgradeMarker() {
		assertParseError(HEADER + "\nCREATE TABLE t (id int);\n\n-- +downgrade\nDROP TABLE t;\n").withMessage(FILE
				+ ":4: SQL without a '-- +upgrade' marker. Add a line '-- +upgrade' above the statements that apply "
				+ "the revision, and '-- +downgrade' above those that undo it.");
	}

	@Test
	void unknownSectionMarkerIsReported() {
		assertParseError(HEADER + "-- +upgarde\nSELECT 1;\n")
			.withMessage(FILE + ":3: unknown section marker '-- +upgarde'; expected '-- +upgrade' or '-- +downgrade'. "
					+ "Fix the marker, or write the comment without '+' after '--'.");
	}

	@Test
	void markerWithoutItsPlusIsRefusedRatherThanRunInTheSectionAbove() {
		assertParseError(HEADER + "-- +upgrade\nCREATE TABLE t (id int);\n-- downgrade\nDROP TABLE t;\n")
			.withMessage(FILE
					+ ":5: '-- downgrade' looks like a section marker without its '+'. Write '-- +downgrade' to start the "
					+ "downgrade section (a comment that is only the word would let its statements run in the section "
					+ "above), or reword the comment.");
		assertParseError(HEADER + "-- Upgrade:\nSELECT 1;\n").withMessageStartingWith(
				FILE + ":3: '-- Upgrade:' looks like a section marker without its '+'. Write '-- +upgrade'");
	}

	@Test
	void aMarkerAfterAStatementOnTheSameLineIsRefusedRatherThanLeftInTheSectionAbove() {
		assertParseError(HEADER + "-- +upgrade\nCREATE TABLE t1 (id int); -- +downgrade\nDROP TABLE t1;\n")
			.withMessage(FILE + ":4: '-- +downgrade' after a statement is not a section marker. Put the marker on a "
					+ "line of its own: a section starts only at a line that is just the marker, and the statements "
					+ "below this one would run in the section above.");
	}

	@Test
	void markerTextInAStringOrAfterAnotherCommentIsNoMarker() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "-- +upgrade\nSELECT '-- +downgrade';\n"
				+ "SELECT 1; -- note -- +downgrade\n-- +downgrade\nSELECT 2;\n");
		assertThat(script.upgrade()).extracting(SqlStatement::sql)
			.containsExactly("SELECT '-- +downgrade'", "SELECT 1");
		assertThat(script.downgrade()).extracting(SqlStatement::sql).containsExactly("SELECT 2");
	}

	@Test
	void markerLinesInsideADollarBodyAStringOrABlockCommentStayInTheirStatement() {
		String body = """
				CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$
				BEGIN
				-- +downgrade
				-- upgrade
				RETURN 1;
				END $fn$;
				SELECT 'a
				-- +downgrade
				b';
				/*
				-- +downgrade
				*/
				SELECT 3;
				""";
		SqlScript script = ScriptParser.parse(FILE,
				HEADER + "-- +upgrade\n" + body + "-- +downgrade\nDROP FUNCTION f;\n");
		assertThat(script.upgrade()).extracting(SqlStatement::line).containsExactly(4, 10, 16);
		assertThat(script.upgrade().get(0).sql()).contains("-- +downgrade").endsWith("END $fn$");
		assertThat(script.downgrade()).extracting(SqlStatement::sql).containsExactly("DROP FUNCTION f");
	}

	@Test
	void sectionMarkersAreCaseSensitive() {
		assertParseError(HEADER + "-- +upgrade\n--+Downgrade\n")
			.withMessageStartingWith(FILE + ":4: unknown section marker '--+Downgrade'; ");
	}

	@Test
	void repeatedSectionMarkerNamesBothLines() {
		assertParseError(HEADER + "-- +upgrade\nSELECT 1;\n-- +upgrade\nSELECT 2;\n")
			.withMessage(FILE + ":5: '-- +upgrade' appears twice, on lines 3 and 5. "
					+ "A file has one section of each kind; put all of its statements below one marker.");
	}

	@Test
	void downgradeWithoutUpgradeIsReported() {
		assertParseError(HEADER + "\n-- +downgrade\nDROP TABLE t;\n").withMessage(FILE
				+ ":4: '-- +downgrade' section without an '-- +upgrade' section. Add a line '-- +upgrade' followed by "
				+ "the statements that apply the revision (a revision that changes nothing may leave it empty).");
	}

	@Test
	void fileThatIsNotUtf8IsReportedAtTheLineOfTheFirstBadByte() {
		byte[] latin1 = (HEADER + "-- message: café\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> ScriptParser.parse(FILE, latin1))
			.withMessage(FILE + ":3: the file is not valid UTF-8 (byte 0xE9 on this line). "
					+ "Save the file with UTF-8 encoding.");
	}

	@Test
	void unterminatedTokenInASectionIsReportedAtItsFileLineWhenTheSectionIsRead() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "-- +upgrade\nSELECT 1;\n\nDO $$ BEGIN\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(script::upgrade)
			.withMessage(FILE + ":6: unterminated dollar-quoted body '$$' that starts here. "
					+ "Close the body with '$$', the same tag that opens it.");
	}

	@Test
	void copyFromStdinWithItsRowsIsRefusedAtItsLineWhenTheSectionIsRead() {
		SqlScript script = ScriptParser.parse(FILE,
				HEADER + "-- +upgrade\nCREATE TABLE t1 (id int);\nCOPY t1 (id) FROM stdin;\n1\n2\n\\.\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(script::upgrade)
			.withMessage(FILE + ":5: COPY ... FROM STDIN reads its rows from the client, which a revision cannot "
					+ "send. Instead, write the rows as INSERT ... VALUES, use a Java revision with PgJDBC's "
					+ "CopyManager, or COPY ... FROM a file on the database server.");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse(FILE, HEADER + "-- +upgrade\nCOPY (SELECT 1) TO STDOUT;\n").upgrade())
			.withMessageStartingWith(FILE + ":4: COPY ... TO STDOUT writes its rows to the client");
	}

	@Test
	void copyFromAServerFileAndBackslashesInStringsAreStatementsLikeAnyOther() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "-- +upgrade\nCOPY t1 FROM '/srv/t1.csv' (FORMAT csv);\n"
				+ "SELECT 'C:\\dir', E'\\n', $$\\i$$, \"a\\b\";\n-- \\set in a comment\n");
		assertThat(script.upgrade()).hasSize(2);
	}

	@Test
	void aPsqlMetaCommandIsRefusedAtItsLineWhenTheSectionIsRead() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "-- +upgrade\nSELECT 1;\n\\set ON_ERROR_STOP on\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(script::upgrade)
			.withMessageStartingWith(
					FILE + ":5: '\\set' is a psql meta-command, not SQL. Only psql runs " + "meta-commands");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptParser.parse(FILE, HEADER + "-- +upgrade\n\\i other.sql\n").upgrade())
			.withMessageStartingWith(FILE + ":4: '\\i' is a psql meta-command, not SQL.");
	}

	@Test
	void errorCarriesItsLocationAndHint() {
		assertParseError("-- revision: a1\n-- mesage: orders\n").satisfies((ex) -> {
			assertThat(ex.location()).isEqualTo(ScriptLocation.at(FILE, 2));
			assertThat(ex.hint()).startsWith("Did you mean 'message'? The header keys are ");
		});
	}

	@Test
	void branchLabelsKeepEveryName() {
		SqlScript script = ScriptParser.parse(FILE, HEADER + "-- branch_labels: a, b_2\n");
		assertThat(script.revision().branchLabels()).isEqualTo(Set.of("a", "b_2"));
	}

	@Test
	void parsesAFiveMegabyteFileQuickly() {
		String statement = "INSERT INTO orders VALUES (1, 'a;b');\n";
		int count = 5 * 1024 * 1024 / statement.length();
		String text = HEADER + "-- +upgrade\n" + statement.repeat(count) + "-- +downgrade\nDELETE FROM orders;\n";
		SqlScript script = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ScriptParser.parse(FILE, text));
		assertThat(script.upgrade()).hasSize(count);
		assertThat(script.downgrade()).containsExactly(new SqlStatement("DELETE FROM orders", count + 5));
	}

	private static ThrowableAssertAlternative<ScriptException> assertParseError(String text) {
		return assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> ScriptParser.parse(FILE, text));
	}

}
