package io.github.migrations.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the CLI reads a database URL's credentials before the driver sees it.
 */
class DatabaseUrlTests {

	@Test
	void anAtSignAndAColonInAPasswordAreReadAsTheyAreUpToTheLastAtSignBeforeThePath() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://app:Pa:ss@w0rd@db.example.com:5432/orders?sslmode=require");
		assertThat(url).isEqualTo(
				new DatabaseUrl("jdbc:postgresql://db.example.com:5432/orders?sslmode=require", "app", "Pa:ss@w0rd"));
	}

	@Test
	void percentEscapesAreDecodedAndAPlusStaysAPlus() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://app%40corp:a%2Fb%3Fc+d%25e%zz@db/orders");
		assertThat(url.username()).isEqualTo("app@corp");
		assertThat(url.password()).isEqualTo("a/b?c+d%e%zz");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/orders");
	}

	@Test
	void hostsPortsAndParametersArePassedOnWithoutTheCredentials() {
		assertThat(DatabaseUrl.parse("postgresql+psycopg2://app@db1:5432,[::1]:5433/orders?user=admin@srv#x"))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://db1:5432,[::1]:5433/orders?user=admin@srv", "app", null));
		assertThat(DatabaseUrl.parse("postgresql://:secret@/orders"))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost/orders", null, "secret"));
		assertThat(DatabaseUrl.parse(" jdbc:postgresql://db/orders?user=admin@srv "))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://db/orders?user=admin@srv", null, null));
	}

	@Test
	void libpqHostPortAndDbnameParametersNameTheServerAndTheDatabase() {
		assertThat(DatabaseUrl.parse("postgresql://app@/?host=db.internal&port=5433&dbname=orders&sslmode=require"))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://db.internal:5433/orders?sslmode=require", "app", null));
		assertThat(DatabaseUrl.parse("postgresql:///orders?port=5498"))
			.isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost:5498/orders", null, null));
	}

	@Test
	void aUnixSocketDirectoryAsTheHostIsRefusedSayingToUseTcp() {
		for (String url : new String[] { "postgresql:///orders?host=/var/run/postgresql&user=app",
				"postgresql+psycopg2://app:s3cret@%2Fvar%2Frun%2Fpostgresql/orders" }) {
			assertThatExceptionOfType(CliException.class).isThrownBy(() -> DatabaseUrl.parse(url))
				.withMessageContaining("names the Unix-domain socket directory '/var/run/postgresql' as its host, "
						+ "and the PostgreSQL JDBC driver connects over TCP only.")
				.withMessageNotContaining("s3cret")
				.satisfies((ex) -> assertThat(ex.hint()).contains("'postgresql://user@localhost:5432/db'"));
		}
	}

	@Test
	void aPasswordThatLeavesAnAtSignAfterTheHostIsRefusedNotGuessed() {
		for (String url : new String[] { "postgresql://app:1234/x@db/orders", "postgresql://app:1234?x@db/orders",
				"jdbc:postgresql://app:1234/x@db/orders", "jdbc:postgresql://app:s3cret@db/orders" }) {
			assertThatExceptionOfType(CliException.class).isThrownBy(() -> DatabaseUrl.parse(url))
				.withMessageNotContaining("1234")
				.withMessageNotContaining("s3cret");
		}
	}

}
