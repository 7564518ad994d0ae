package io.github.migrations.sample.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Converting {@code DATABASE_URL} into what JDBC wants.
 */
class DatabaseUrlTests {

	@Test
	void seedsFormBecomesAJdbcUrlWithTheCredentialsTakenOut() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:postgres@postgres:5432/sample");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/sample");
		assertThat(url.username()).isEqualTo("postgres");
		assertThat(url.password()).isEqualTo("postgres");
	}

	@Test
	void jdbcUrlIsUsedAsItIs() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.internal:6432/orders?sslmode=require");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/orders?sslmode=require");
		assertThat(url.username()).isNull();
		assertThat(url.password()).isNull();
	}

	@Test
	void postgresSchemeAndSqlAlchemyDriverSuffixesAreRead() {
		assertThat(DatabaseUrl.parse("postgres://u:p@h/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h/d");
		assertThat(DatabaseUrl.parse("postgresql+asyncpg://u:p@h:5433/d").jdbcUrl())
			.isEqualTo("jdbc:postgresql://h:5433/d");
		assertThat(DatabaseUrl.parse("POSTGRESQL+psycopg2://u:p@h/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h/d");
	}

	@Test
	void percentEncodedCredentialsAreDecodedAndPlusStaysAPlus() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://app%40corp:p%2Fss+w%3Ard%C3%A9@localhost/bank_statements");
		assertThat(url.username()).isEqualTo("app@corp");
		assertThat(url.password()).isEqualTo("p/ss+w:rdé");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/bank_statements");
	}

	@Test
	void unencodedAtSignsSlashesAndColonsInThePasswordAreKeptWhole() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://admin:s3cr@t/x:y@db:5432/facturacion?sslmode=require");
		assertThat(url.username()).isEqualTo("admin");
		assertThat(url.password()).isEqualTo("s3cr@t/x:y");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/facturacion?sslmode=require");
		assertThat(url.describe()).doesNotContain("s3cr");
		assertThat(DatabaseUrl.redact("postgresql://admin:s3cr@t/x:y@db:5432/facturacion"))
			.isEqualTo("postgresql://admin:***@db:5432/facturacion");
	}

	@Test
	void queryOptionsAndSeveralHostsAreKept() {
		assertThat(DatabaseUrl.parse("postgresql://u:p@a:5432,b:5433/d?sslmode=require&connect_timeout=10").jdbcUrl())
			.isEqualTo("jdbc:postgresql://a:5432,b:5433/d?sslmode=require&connect_timeout=10");
	}

	@Test
	void credentialsAndHostAndDatabaseAreOptional() {
		DatabaseUrl userOnly = DatabaseUrl.parse("postgresql://reader@db/d");
		assertThat(userOnly.username()).isEqualTo("reader");
		assertThat(userOnly.password()).isNull();
		DatabaseUrl nothing = DatabaseUrl.parse("postgresql://db:5432");
		assertThat(nothing.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/");
		assertThat(nothing.username()).isNull();
		assertThat(DatabaseUrl.parse("postgresql:///sample").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/sample");
		assertThat(DatabaseUrl.parse("postgresql://db?sslmode=disable").jdbcUrl())
			.isEqualTo("jdbc:postgresql://db/?sslmode=disable");
	}

	@Test
	void anotherSchemeIsRejectedWithoutShowingThePassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db/app"))
			.withMessage("'mysql://root:***@db/app' is not a PostgreSQL URL. Write it as "
					+ "'postgresql://user:password@host:5432/database' or 'jdbc:postgresql://host:5432/database'.");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresq://root:hunter2@db/app"))
			.withMessageNotContaining("hunter2");
	}

	@Test
	void passwordsNeverShowInTextMeantForLogs() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://app:hunter2@db:5432/sample");
		assertThat(url.toString()).doesNotContain("hunter2").contains("password=******");
		assertThat(url.describe()).isEqualTo("jdbc:postgresql://db:5432/sample as user 'app'");
		assertThat(DatabaseUrl.parse("jdbc:postgresql://db/sample?user=app&password=hunter2&ssl=true").describe())
			.isEqualTo("jdbc:postgresql://db/sample?user=app&password=***&ssl=true");
		assertThat(DatabaseUrl.redact("postgres://app:hunter2@db/sample")).isEqualTo("postgres://app:***@db/sample");
		assertThat(DatabaseUrl.redact("postgresql://admin:s3cr@t@db/x")).isEqualTo("postgresql://admin:***@db/x");
		assertThat(DatabaseUrl.redact("postgresql://admin@db/x")).isEqualTo("postgresql://admin@db/x");
	}

}
