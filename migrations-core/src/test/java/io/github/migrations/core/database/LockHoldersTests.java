package io.github.migrations.core.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How another session's query is quoted in an operator's error: on one line, without its
 * password, short.
 */
class LockHoldersTests {

	@Test
	void aQueryIsQuotedOnOneLineWithoutItsFinalSemicolon() {
		assertThat(LockHolders.shortened("SELECT *\n  FROM invoices\r\n\tWHERE id = 1;\n"))
			.isEqualTo("SELECT * FROM invoices WHERE id = 1");
	}

	@Test
	void aPasswordInAQueryIsMasked() {
		assertThat(LockHolders.shortened("ALTER ROLE app PASSWORD 'S3cret'")).doesNotContain("S3cret");
	}

	@Test
	void aLongQueryIsCut() {
		assertThat(LockHolders.shortened("SELECT " + "x, ".repeat(100) + "y")).hasSize(124).endsWith(" ...");
	}

	@Test
	void durationsReadAsAnOperatorWouldSayThem() {
		assertThat(LockHolders.duration(42)).isEqualTo("42 s");
		assertThat(LockHolders.duration(35 * 60)).isEqualTo("35 min");
		assertThat(LockHolders.duration(3 * 3600 + 5 * 60)).isEqualTo("3 h 5 min");
	}

}
