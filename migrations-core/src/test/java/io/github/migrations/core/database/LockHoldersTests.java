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
	void aQueryThatMayHoldASecretIsNotQuoted() {
		assertThat(LockHolders.shortened("ALTER ROLE app PASSWORD 'S3cret'"))
			.isEqualTo("(not shown: it may hold a secret)");
		assertThat(LockHolders.shortened("ALTER ROLE app PASSWORD\n  E'S3cret'")).doesNotContain("S3cret");
		assertThat(LockHolders.shortened("SELECT pgp_sym_encrypt(data, $$S3cret$$) FROM t")).doesNotContain("S3cret");
		assertThat(LockHolders.shortened("SELECT * FROM dblink('host=db user=app pass' || 'word=S3cret', 'x')"))
			.doesNotContain("S3cret");
	}

	@Test
	void aQueryIsQuotedWithoutItsStringConstantsAndComments() {
		assertThat(LockHolders.shortened("UPDATE users SET note = 'S3cret' WHERE id = 1 -- S3cret too\n"))
			.isEqualTo("UPDATE users SET note = '...' WHERE id = 1");
		assertThat(LockHolders.shortened(
				"SELECT E'it\\'s S3cret', 'it''s S3cret', $t$S3cret$t$, \"we\"\"ird\", $1 /* S3cret /* nested */ */ FROM t"))
			.isEqualTo("SELECT E'...', '...', '...', \"we\"\"ird\", $1 FROM t");
		assertThat(LockHolders.shortened("INSERT INTO notes VALUES ('cut off by the server: S3cr"))
			.isEqualTo("INSERT INTO notes VALUES ('...'");
	}

	@Test
	void aQueryGivingACustomSettingOrAKeyIsNotQuoted() {
		assertThat(LockHolders.shortened("SELECT set_config('app.key', 'S3cret', false)"))
			.isEqualTo("(not shown: it may hold a secret)");
		assertThat(LockHolders.shortened("SET app.key = S3cret")).isEqualTo("(not shown: it may hold a secret)");
		assertThat(LockHolders.shortened("SET SESSION \"app\".key TO S3cret"))
			.isEqualTo("(not shown: it may hold a secret)");
		assertThat(LockHolders.shortened("SELECT id FROM clients WHERE apikey = 'S3cret'"))
			.isEqualTo("(not shown: it may hold a secret)");
		assertThat(LockHolders.shortened("UPDATE invoices SET amount = 2 WHERE id = 1"))
			.isEqualTo("UPDATE invoices SET amount = 2 WHERE id = 1");
	}

	@Test
	void controlAndFormatCharactersCannotStartALineOrReorderIt() {
		assertThat(LockHolders.shortened("SELECT 1\u0085-- x\u202E\u2028\nFAKE LOG LINE"))
			.isEqualTo("SELECT 1 FAKE LOG LINE");
		assertThat(LockHolders.backend(7, "app\nERROR forged", "u\u202Eser", null))
			.isEqualTo("PostgreSQL backend 7 ('app ERROR forged', user u ser)");
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
