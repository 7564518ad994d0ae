package io.github.migrations.core.script;

import io.github.migrations.core.script.SqlTokens.Kind;
import io.github.migrations.core.script.SqlTokens.Token;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTokensTests {

	@Test
	void wordsAreLowerCasedAndQuotedIdentifiersKeptAsWritten() {
		assertThat(SqlTokens.read("ALTER TABLE \"Odd\"\"Name\" ADD x").tokens()).containsExactly(
				new Token(Kind.WORD, "alter", 0), new Token(Kind.WORD, "table", 6),
				new Token(Kind.QUOTED, "Odd\"Name", 12), new Token(Kind.WORD, "add", 24),
				new Token(Kind.WORD, "x", 28));
	}

	@Test
	void stringsBodiesAndCommentsHideTheirWords() {
		SqlTokens tokens = SqlTokens.read("""
				SELECT 'DROP TABLE x', E'it\\'s', $body$ CREATE INDEX $body$ -- lint: allow x (y)
				/* nested /* VACUUM FULL */ */ ::int""");
		assertThat(tokens.tokens()).extracting(Token::kind)
			.containsExactly(Kind.WORD, Kind.STRING, Kind.SYMBOL, Kind.STRING, Kind.SYMBOL, Kind.STRING, Kind.SYMBOL,
					Kind.WORD);
		assertThat(tokens.tokens().get(6).text()).isEqualTo("::");
		assertThat(tokens.comments()).extracting(SqlTokens.Comment::text)
			.containsExactly("lint: allow x (y)", "nested /* VACUUM FULL */");
	}

	@Test
	void anUnterminatedTokenEndsTheTextInsteadOfThrowing() {
		assertThat(SqlTokens.read("UPDATE t SET a = 'open").tokens()).extracting(Token::text)
			.containsExactly("update", "t", "set", "a", "=");
	}

	@Test
	void aLimitStopsReadingAndCommentsAloneKeepNoToken() {
		assertThat(SqlTokens.read("INSERT INTO t VALUES (1), (2), (3)", 3).tokens()).hasSize(3);
		assertThat(SqlTokens.comments("-- a\nSELECT 1; -- b\n")).extracting(SqlTokens.Comment::offset)
			.containsExactly(0, 15);
	}

}
