package io.github.migrations.core.script;

import java.time.Duration;
import java.util.List;

import io.github.migrations.core.api.ScriptLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class StatementSplitterTests {

	private static final String FILE = "db/revisions/a1_orders.sql";

	@Test
	void splitsOnSemicolonsAndGivesTheFileLineOfEachFirstToken() {
		List<SqlStatement> statements = split("""
				CREATE TABLE orders (id bigint);

				  INSERT INTO orders
				  VALUES (1);
				""", 12);
		assertThat(statements).containsExactly(new SqlStatement("CREATE TABLE orders (id bigint)", 12),
				new SqlStatement("INSERT INTO orders\n  VALUES (1)", 14));
	}

	@Test
	void keepsTheTextAsWrittenWithoutTheSemicolonAndTrailingWhitespace() {
		assertThat(split("select  1 -- one\n\t ;", 1)).containsExactly(new SqlStatement("select  1 -- one", 1));
	}

	@Test
	void countsAFinalStatementWithoutSemicolon() {
		assertThat(split("SELECT 1;\nSELECT 2\n\n", 1)).containsExactly(new SqlStatement("SELECT 1", 1),
				new SqlStatement("SELECT 2", 2));
	}

	@Test
	void dropsBlankAndCommentOnlyPieces() {
		assertThat(split(";;\n -- nothing here;\n/* nor ; here */ ;\n\n", 1)).isEmpty();
		assertThat(split("", 1)).isEmpty();
	}

	@Test
	void statementStartsAtItsFirstTokenAfterLeadingComments() {
		assertThat(split("-- the orders\n/* a\n   block */\nDROP TABLE orders;", 5))
			.containsExactly(new SqlStatement("DROP TABLE orders", 8));
	}

	@Test
	void semicolonInsideStringDoesNotEndTheStatement() {
		assertThat(split("INSERT INTO t VALUES ('it''s; fine', ';');SELECT 2", 1)).containsExactly(
				new SqlStatement("INSERT INTO t VALUES ('it''s; fine', ';')", 1), new SqlStatement("SELECT 2", 1));
	}

	@Test
	void escapeStringHonoursBackslashEscapes() {
		assertThat(split("SELECT E'it\\'s; \\\\', e'a;''b';SELECT 2", 1))
			.containsExactly(new SqlStatement("SELECT E'it\\'s; \\\\', e'a;''b'", 1), new SqlStatement("SELECT 2", 1));
	}

	@Test
	void backslashInOrdinaryStringEscapesNothing() {
		assertThat(split("SELECT 'C:\\';SELECT 2", 1)).containsExactly(new SqlStatement("SELECT 'C:\\'", 1),
				new SqlStatement("SELECT 2", 1));
	}

	@Test
	void semicolonInsideQuotedIdentifierDoesNotEndTheStatement() {
		assertThat(split("CREATE TABLE \"a;\"\"b\" (id int);SELECT 2", 1))
			.containsExactly(new SqlStatement("CREATE TABLE \"a;\"\"b\" (id int)", 1), new SqlStatement("SELECT 2", 1));
	}

	@Test
	void dollarQuotedBodyKeepsItsSemicolons() {
		String function = """
				CREATE FUNCTION one() RETURNS int AS $$
				BEGIN
					RETURN 1;
				END;
				$$ LANGUAGE plpgsql""";
		assertThat(split(function + ";\nSELECT one();", 3)).containsExactly(new SqlStatement(function, 3),
				new SqlStatement("SELECT one()", 8));
	}

	@Test
	void taggedDollarQuoteEndsOnlyAtTheSameTag() {
		String statement = "DO $body$ BEGIN EXECUTE $$SELECT 1; $x$ ;$$; END $body$";
		assertThat(split(statement + ";SELECT 2", 1)).containsExactly(new SqlStatement(statement, 1),
				new SqlStatement("SELECT 2", 1));
	}

	@Test
	void parameterIsNotADollarQuote() {
		assertThat(split("PREPARE p AS SELECT $1;SELECT $2", 1))
			.containsExactly(new SqlStatement("PREPARE p AS SELECT $1", 1), new SqlStatement("SELECT $2", 1));
	}

	@Test
	void identifierContainingDollarsIsNotADollarQuote() {
		assertThat(split("SELECT a$$b;SELECT c$d$", 1)).containsExactly(new SqlStatement("SELECT a$$b", 1),
				new SqlStatement("SELECT c$d$", 1));
	}

	@Test
	void lineCommentHidesSemicolons() {
		assertThat(split("SELECT 1 -- first; second\n+ 1;", 1))
			.containsExactly(new SqlStatement("SELECT 1 -- first; second\n+ 1", 1));
	}

	@Test
	void nestedBlockCommentHidesSemicolons() {
		assertThat(split("SELECT /* a; /* b; */ c; */ 1;SELECT 2", 1))
			.containsExactly(new SqlStatement("SELECT /* a; /* b; */ c; */ 1", 1), new SqlStatement("SELECT 2", 1));
	}

	@Test
	void semicolonInsideParenthesesDoesNotEndTheStatement() {
		String rule = "CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2))";
		assertThat(split(rule + ";\nSELECT 2;", 1)).containsExactly(new SqlStatement(rule, 1),
				new SqlStatement("SELECT 2", 2));
	}

	@Test
	void beginAtomicFunctionBodyIsOneStatement() {
		String function = """
				CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
				BEGIN ATOMIC
					SELECT 'ignored';
					SELECT CASE WHEN x < 0 THEN 'negative' ELSE 'positive' END;
				END""";
		assertThat(split(function + ";\nSELECT sign_of(1);", 1)).containsExactly(new SqlStatement(function, 1),
				new SqlStatement("SELECT sign_of(1)", 6));
	}

	@Test
	void beginAtomicProcedureBodyIsOneStatement() {
		String procedure = "create or replace procedure p() begin atomic "
				+ "insert into t values (1); insert into t values (2); end";
		assertThat(split(procedure + ";call p()", 1)).containsExactly(new SqlStatement(procedure, 1),
				new SqlStatement("call p()", 1));
	}

	@Test
	void beginOutsideAFunctionIsATransactionStatement() {
		assertThat(split("BEGIN; SELECT 1; END;", 1)).extracting(SqlStatement::sql)
			.containsExactly("BEGIN", "SELECT 1", "END");
	}

	@Test
	void unterminatedStringIsReportedWhereItStarts() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> split("SELECT 1;\nSELECT 'oops;\nSELECT 2;", 4))
			.withMessage(FILE + ":5: unterminated string that starts here. "
					+ "Close the string with ' (write '' for a quote inside it).")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo(ScriptLocation.at(FILE, 5)));
	}

	@Test
	void unterminatedEscapeStringIsReportedWhereItStarts() {
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> split("SELECT\n E'oops\\';", 1))
			.withMessage(FILE + ":2: unterminated escape string that starts here. "
					+ "Close the string with ' (write \\' or '' for a quote inside it).");
	}

	@Test
	void unterminatedQuotedIdentifierIsReportedWhereItStarts() {
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> split("\n\nDROP TABLE \"orders;", 1))
			.withMessage(FILE + ":3: unterminated quoted identifier that starts here. "
					+ "Close the identifier with \" (write \"\" for a quote inside it).");
	}

	@Test
	void unterminatedDollarQuoteIsReportedWhereItStarts() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> split("SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $$\nSELECT 1;\n", 10))
			.withMessage(FILE + ":11: unterminated dollar-quoted body '$$' that starts here. "
					+ "Close the body with '$$', the same tag that opens it.");
	}

	@Test
	void unterminatedTaggedDollarQuoteNamesItsTag() {
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> split("DO $body$\nBEGIN END $$;", 1))
			.withMessage(FILE + ":1: unterminated dollar-quoted body '$body$' that starts here. "
					+ "Close the body with '$body$', the same tag that opens it.");
	}

	@Test
	void unterminatedBlockCommentIsReportedWhereItStarts() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> split("SELECT 1;\n/* outer\n/* inner */\nSELECT 2;", 1))
			.withMessage(FILE + ":2: unterminated block comment that starts here. "
					+ "Close it with '*/'; block comments nest, so each '/*' inside it needs its own '*/'.");
	}

	@Test
	void functionBodyWithoutEndIsReportedAtItsBegin() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> split("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\nSELECT 1;\n", 7))
			.withMessage(FILE + ":8: function body 'BEGIN' that starts here has no matching 'END'. "
					+ "End the body with 'END' before the ';' that ends the CREATE statement.");
	}

	@Test
	void splitsFiveMegabytesOfSmallStatementsQuickly() {
		String statement = "INSERT INTO t VALUES (1, 'a;b', $$c;d$$); -- note;\n";
		String text = statement.repeat(5 * 1024 * 1024 / statement.length());
		List<SqlStatement> statements = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> split(text, 1));
		int count = text.length() / statement.length();
		assertThat(statements).hasSize(count);
		String last = statement.substring(0, statement.indexOf("); --") + 1);
		assertThat(statements.get(count - 1)).isEqualTo(new SqlStatement(last, count));
	}

	@Test
	void splitsAFiveMegabyteStatementQuickly() {
		String body = "SELECT 'x;'; /* ; */ -- ;\n".repeat(5 * 1024 * 1024 / 26);
		String text = "SELECT 1;\nDO $$" + body + "$$;\nSELECT 2;\n";
		List<SqlStatement> statements = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> split(text, 1));
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 3 + 5 * 1024 * 1024 / 26);
	}

	private static List<SqlStatement> split(String text, int firstLine) {
		return StatementSplitter.split(FILE, text, firstLine);
	}

}
