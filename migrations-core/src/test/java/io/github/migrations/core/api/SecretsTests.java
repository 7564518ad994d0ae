package io.github.migrations.core.api;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Secrets#mask(String)} hides and what it keeps, on literal texts.
 */
class SecretsTests {

	private static final String BEFORE = "Pa55";

	private static final String AFTER = "w0rd9";

	/**
	 * Each character a password may hold that ends a value or a URL part somewhere.
	 */
	private static final List<String> SPECIAL = List.of("/", "?", "@", ":", "#", "%", "'", "\"", "\\", "&", "=", " ");

	/**
	 * Where a password shows up, with {@code PW} for the password and the text that must
	 * stay visible. Unquoted texts cannot hold a raw space: there the password is
	 * percent-encoded, as a URL or a shell would need it.
	 */
	private static final List<Place> PLACES = List.of(
			new Place("libpq URL in a message", "could not connect to postgresql://app:PW@db.example.com:5432/orders",
					false, "postgresql://app:", "@db.example.com:5432/orders"),
			new Place("quoted libpq URL", "error: 'postgresql://app:PW@db.example.com:5432/orders' is not valid.", true,
					"error: 'postgresql://app:", "@db.example.com:5432/orders' is not valid."),
			new Place("postgres scheme", "postgres://app:PW@db.example.com/orders", false, "postgres://app:",
					"@db.example.com/orders"),
			new Place("SQLAlchemy scheme", "url = postgresql+psycopg2://app:PW@db.example.com:5432/orders", false,
					"postgresql+psycopg2://app:", "@db.example.com:5432/orders"),
			new Place("JDBC URL with user info", "jdbc:postgresql://app:PW@db.example.com:5432/orders?ssl=true", false,
					"jdbc:postgresql://app:", "@db.example.com:5432/orders?ssl=true"),
			new Place("double-quoted JDBC URL", "url: \"jdbc:postgresql://app:PW@db.example.com:5432/orders\"", true,
					"url: \"jdbc:postgresql://app:", "@db.example.com:5432/orders\""),
			new Place("password parameter",
					"jdbc:postgresql://db.example.com:5432/orders?user=app&password=PW&ssl=true", false,
					"jdbc:postgresql://db.example.com:5432/orders?user=app&password=", "&ssl=true"),
			new Place("quoted password parameter",
					"'jdbc:postgresql://db.example.com:5432/orders?password=PW' is not a valid PostgreSQL JDBC URL.",
					true, "'jdbc:postgresql://db.example.com:5432/orders?password=",
					"' is not a valid PostgreSQL JDBC URL."),
			new Place("sslpassword parameter",
					"jdbc:postgresql://db.example.com:5432/orders?sslmode=verify-full&sslpassword=PW", false,
					"jdbc:postgresql://db.example.com:5432/orders?sslmode=verify-full&sslpassword="),
			new Place("MySQL URL", "'mysql://app:PW@db.example.com:3306/orders' is not a PostgreSQL URL.", true,
					"'mysql://app:", "@db.example.com:3306/orders' is not a PostgreSQL URL."),
			new Place("Redis URL without a user", "redis://:PW@cache.example.com:6379/0", false, "redis://:",
					"@cache.example.com:6379/0"),
			new Place("properties file",
					"app.migrations.url=jdbc:postgresql://db.example.com/orders\n"
							+ "app.migrations.password=PW\napp.migrations.schema=app",
					true, "app.migrations.url=jdbc:postgresql://db.example.com/orders\napp.migrations.password=",
					"\napp.migrations.schema=app"),
			new Place("YAML file", "spring:\n  datasource:\n    password: PW\n    username: app", true,
					"    password: ", "\n    username: app"),
			new Place("YAML file, quoted", "spring.datasource.password: \"PW\"", true, "spring.datasource.password: "),
			new Place("environment", "export PGPASSWORD='PW'\nPGHOST=db.example.com", true, "export PGPASSWORD=",
					"\nPGHOST=db.example.com"),
			new Place("libpq connection string", "host=db.example.com password='PW' dbname=orders", true,
					"host=db.example.com password=", " dbname=orders"),
			new Place("key in a message", "connecting with password=PW to db.example.com", false,
					"connecting with password=", " to db.example.com"),
			new Place("JSON", "{\"host\":\"db.example.com\",\"password\":\"PW\",\"port\":5432}", true,
					"{\"host\":\"db.example.com\",\"password\":", ",\"port\":5432}"),
			new Place("SQL", "ALTER ROLE app LOGIN PASSWORD 'PW';", true, "ALTER ROLE app LOGIN PASSWORD ", ";"),
			new Place("host the driver tried", "Connection to app:PW@db.example.com:5432 refused.", false,
					"Connection to app:", "@db.example.com:5432 refused."));

	record Place(String name, String template, boolean quoted, String... kept) {

		String with(String password) {
			return this.template.replace("PW", (this.quoted) ? password : password.replace(" ", "%20"));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> passwordsInPlaces() {
		return PLACES.stream()
			.flatMap((place) -> SPECIAL.stream().map((special) -> Arguments.of(place, BEFORE + special + AFTER)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("passwordsInPlaces")
	void noPartOfAPasswordWithASpecialCharacterAppearsAndTheRestOfTheTextDoes(Place place, String password) {
		String text = place.with(password);
		String masked = Secrets.mask(text);
		assertThat(masked).as(text).doesNotContain(BEFORE).doesNotContain(AFTER).contains(Secrets.MASK);
		assertThat(masked).as(text).contains(place.kept());
	}

	@Test
	void theIssuesUrlKeepsItsUserHostPortAndDatabase() {
		assertThat(Secrets.mask("--url 'postgresql://postgres:Leak/Me_Q7w@127.0.0.1:5432/db'"))
			.isEqualTo("--url 'postgresql://postgres:***@127.0.0.1:5432/db'");
		assertThat(Secrets.mask("jdbc:postgresql://postgres:Leak?Me_Q7w@127.0.0.1:5432/db"))
			.isEqualTo("jdbc:postgresql://postgres:***@127.0.0.1:5432/db");
	}

	@Test
	void aQuotedUrlEndsAtItsClosingQuoteSoAnAtSignInTheRestOfTheMessageMasksNothing() {
		String message = "'postgresql://postgres:***@127.0.0.1:5432/db' is not a valid PostgreSQL URL: it has an '@' "
				+ "after its host, as a password holding '/' leaves there.";
		assertThat(Secrets.mask(message)).isEqualTo(message);
		assertThat(Secrets.mask("'postgresql://postgres:Leak/Me_Q7w@127.0.0.1:5432/db' has an '@' after its host."))
			.isEqualTo("'postgresql://postgres:***@127.0.0.1:5432/db' has an '@' after its host.");
		assertThat(Secrets.mask("'postgresql://app:Leak' Me@db:5432/orders' is not valid; see 'a@b'."))
			.doesNotContain("Leak")
			.doesNotContain("Me@");
	}

	@Test
	void aPasswordWithAQuoteIsMaskedWholeUpToTheNextParameter() {
		assertThat(Secrets.mask("jdbc:postgresql://db/orders?user=app&password=Leak'Me&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/orders?user=app&password=***&ssl=true");
		assertThat(Secrets.mask("password=Leak'Me")).isEqualTo("password=***");
		assertThat(Secrets.mask("error: 'jdbc:postgresql://db/orders?password=Leak'Me' is not valid."))
			.isEqualTo("error: 'jdbc:postgresql://db/orders?password=***' is not valid.");
	}

	@Test
	void anAmpersandInAPasswordParameterDoesNotEndItUnlessANameAndEqualsSignFollow() {
		assertThat(Secrets.mask("jdbc:postgresql://db/orders?password=Leak&Me&sslmode=require"))
			.isEqualTo("jdbc:postgresql://db/orders?password=***&sslmode=require");
	}

	@Test
	void aQuotedValueEndsAtTheQuoteAParserWouldEndItAt() {
		assertThat(Secrets.mask("host=db password='Leak Me' dbname=orders"))
			.isEqualTo("host=db password='***' dbname=orders");
		assertThat(Secrets.mask("user='app', password=\"Leak\\\"Me\", host='db'"))
			.isEqualTo("user='app', password=\"***\", host='db'");
		assertThat(Secrets.mask("could not read 'spring.datasource.password=Leak Me' in application.properties"))
			.isEqualTo("could not read 'spring.datasource.password=***' in application.properties");
		assertThat(Secrets.mask("Check 'password=Leak'Me' and 'url'.")).isEqualTo("Check 'password=***' and 'url'.");
	}

	@Test
	void everyPasswordOfAMultiLineTextIsMasked() {
		String text = """
				error: 'postgresql://app:one@db1:5432/orders' is not valid
				  caused by: postgresql://app:two@db2:5432/orders and mysql://root:three@db3/x
				PGPASSWORD=four
				""";
		assertThat(Secrets.mask(text)).isEqualTo("""
				error: 'postgresql://app:***@db1:5432/orders' is not valid
				  caused by: postgresql://app:***@db2:5432/orders and mysql://root:***@db3/x
				PGPASSWORD=***
				""");
	}

	@Test
	void textWithoutSecretsIsLeftAlone() {
		List<String> texts = List.of(
				"db/revisions/002_orders.sql:7: column \"placed_on\" does not exist (SQLSTATE 42703)",
				"Connection to localhost:5432 refused. Check that the hostname and port are correct.",
				"'jdbc:postgresql://localhost:not-a-port/db?user=app' is not a valid PostgreSQL JDBC URL.",
				"jdbc:postgresql://db.example.com:5432/orders, then mail admin@example.com",
				"jdbc:postgresql://[::1]:5432/orders?ApplicationName=a@b", "postgresql://app@db.example.com/orders",
				"password authentication failed for user \"app\"",
				"The server requested password-based authentication, but no password was provided.",
				"password_encryption = scram-sha-256", "Pass --password, set DATABASE_PASSWORD, or use --config.",
				"password=", "started at 12:30, done at 12:31", "");
		for (String text : texts) {
			assertThat(Secrets.mask(text)).isEqualTo(text);
		}
	}

	@Test
	void maskingTwiceChangesNothingMore() {
		String once = Secrets.mask("'postgresql://app:s3cr@t@db/x?sslpassword=k3y' and password: \"p w\"");
		assertThat(once).isEqualTo("'postgresql://app:***@db/x?sslpassword=***' and password: \"***\"");
		assertThat(Secrets.mask(once)).isEqualTo(once);
	}

	@Test
	@Timeout(10)
	void aLargeStatementIsMaskedInLinearTime() {
		String words = "INSERT INTO t VALUES ('a:b', 'x/y=z');\n".repeat(100_000) + "mail admin@example.com";
		assertThat(Secrets.mask(words)).isEqualTo(words);
		String word = "aB3+/".repeat(400_000) + "@host";
		assertThat(Secrets.mask(word)).isEqualTo(word);
		String passwords = "password=x&".repeat(100_000);
		assertThat(Secrets.mask(passwords)).doesNotContain("=x");
	}

	@Test
	void nullStaysNull() {
		assertThat(Secrets.maskNullable(null)).isNull();
		assertThat(Secrets.maskNullable("password=x")).isEqualTo("password=***");
	}

}
