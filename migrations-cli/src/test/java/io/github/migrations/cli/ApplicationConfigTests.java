package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CLI reads the settings the application would bind where it runs: the active
 * profiles' documents and files over the configuration file, and environment variables in
 * Spring Boot's form over both; so {@code migrations upgrade} in the production container
 * takes production's lock timeout. Each revision here records the {@code lock_timeout} it
 * ran with.
 */
class ApplicationConfigTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	private Path resources;

	@BeforeEach
	void project() throws IOException {
		this.resources = Files.createDirectories(this.cli.folder().resolve("src/main/resources"));
		Path revisions = Files.createDirectories(this.resources.resolve("db/revisions"));
		Files.writeString(revisions.resolve("a1_seen.sql"), """
				-- revision: a1
				-- down_revision: base

				-- +upgrade
				CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout;
				""");
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.resources.resolve(name), content);
	}

	private CliRun upgrade() {
		return this.cli.runInFolder("upgrade");
	}

	private String lockTimeoutSeen() {
		return this.cli.database().query("SELECT lock_timeout FROM seen").get(0);
	}

	private static final String WITH_PROD_DOCUMENT = """
			app:
			  migrations:
			    locations: classpath:db/revisions
			---
			spring:
			  config:
			    activate:
			      on-profile: prod
			app:
			  migrations:
			    lock-timeout: 5s
			""";

	@Test
	void activeProfileDocumentOverridesTheDefaultOne() throws IOException {
		write("application.yml", WITH_PROD_DOCUMENT);
		this.cli.environment().put("SPRING_PROFILES_ACTIVE", "prod");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("5s");
	}

	@Test
	void inactiveProfileDocumentIsSkipped() throws IOException {
		write("application.yml", WITH_PROD_DOCUMENT);
		this.cli.environment().put("SPRING_PROFILES_ACTIVE", "dev");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).as("the default").isEqualTo("2s");
	}

	@Test
	void inactiveProfileDocumentOfAPropertiesFileIsSkipped() throws IOException {
		write("application.properties", """
				app.migrations.locations=classpath:db/revisions
				#---
				spring.config.activate.on-profile=prod
				app.migrations.lock-timeout=5s
				""");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).as("the default").isEqualTo("2s");
	}

	@Test
	void profilesActiveInTheFileActivateItsDocuments() throws IOException {
		write("application.properties", """
				app.migrations.locations=classpath:db/revisions
				spring.profiles.active=staging,prod
				#---
				spring.config.activate.on-profile=prod & !eu
				app.migrations.lock-timeout=5s
				""");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("5s");
	}

	@Test
	void profileGroupMembersAndIncludedProfilesAreActiveToo() throws IOException {
		write("application.yml", """
				spring:
				  profiles:
				    include: audited
				    group:
				      production: prod, eu
				app:
				  migrations:
				    locations: classpath:db/revisions
				---
				spring:
				  config:
				    activate:
				      on-profile: prod & eu & audited
				app:
				  migrations:
				    lock-timeout: 5s
				""");
		this.cli.environment().put("SPRING_PROFILES_ACTIVE", "production");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("5s");
	}

	@Test
	void profileFileOverridesTheDocumentsOfTheConfigurationFile() throws IOException {
		write("application.yml", WITH_PROD_DOCUMENT);
		write("application-prod.properties", "app.migrations.lock-timeout=7s\n");
		this.cli.environment().put("SPRING_PROFILES_ACTIVE", "prod");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("7s");
	}

	@Test
	void environmentVariableInSpringFormOverridesTheFiles() throws IOException {
		write("application.yml", WITH_PROD_DOCUMENT);
		this.cli.environment().put("SPRING_PROFILES_ACTIVE", "prod");
		this.cli.environment().put("APP_MIGRATIONS_LOCKTIMEOUT", "3s");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("3s");
	}

	@Test
	void legacyEnvironmentVariableWithUnderscoresForDashesIsReadToo() throws IOException {
		write("application.yml", WITH_PROD_DOCUMENT);
		this.cli.environment().put("APP_MIGRATIONS_LOCK_TIMEOUT", "4s");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("4s");
	}

	@Test
	void migrationsUserOfTheApplicationConnectsToTheApplicationsDatabase() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: %s
				    username: app-without-ddl
				    password: not-this-one
				app:
				  migrations:
				    locations: classpath:db/revisions
				    username: %s
				    password: %s
				""".formatted(this.cli.database().url(), this.cli.database().username(),
				this.cli.database().password()));
		this.cli.environment().clear();
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(this.cli.database().tableExists("seen")).isTrue();
	}

	@Test
	void migrationsUrlOfTheApplicationWinsOverItsDataSource() throws IOException {
		write("application.yml", """
				spring:
				  datasource:
				    url: jdbc:postgresql://127.0.0.1:1/application
				    username: app-without-ddl
				app:
				  migrations:
				    locations: classpath:db/revisions
				    url: %s
				""".formatted(this.cli.database().url()));
		this.cli.environment().clear();
		this.cli.environment().put("APP_MIGRATIONS_USERNAME", this.cli.database().username());
		this.cli.environment().put("APP_MIGRATIONS_PASSWORD", this.cli.database().password());
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(this.cli.database().tableExists("seen")).isTrue();
	}

	@Test
	void invalidValueFromTheEnvironmentNamesTheVariable() throws IOException {
		write("application.yml", WITH_PROD_DOCUMENT);
		this.cli.environment().put("APP_MIGRATIONS_LOCKTIMEOUT", "soon");
		CliRun run = upgrade();
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("'app.migrations.lock-timeout' has an invalid value 'soon'",
				"environment variable APP_MIGRATIONS_LOCKTIMEOUT");
		assertThat(this.cli.database().tableExists("seen")).isFalse();
	}

	@Test
	void invalidValueFromAProfileFileNamesThatFile() throws IOException {
		write("application.yml", WITH_PROD_DOCUMENT);
		write("application-prod.yml", "app.migrations.transaction-mode: sometimes\n");
		this.cli.environment().put("SPRING_PROFILES_ACTIVE", "prod");
		CliRun run = upgrade();
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("'app.migrations.transaction-mode' has an invalid value 'sometimes'",
				"application-prod.yml");
	}

	@Test
	void profileExpressionMixingAndWithOrWithoutParenthesesIsAnError() throws IOException {
		write("application.properties", """
				app.migrations.locations=classpath:db/revisions
				#---
				spring.config.activate.on-profile=prod & eu | us
				app.migrations.lock-timeout=5s
				""");
		CliRun run = upgrade();
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("application.properties has an invalid profile expression 'prod & eu | us'");
		assertThat(this.cli.database().tableExists("seen")).isFalse();
	}

	@Test
	void profileExpressionsReadAsSpringBootReadsThem() {
		List<String> active = List.of("prod", "eu");
		assertThat(ProfileExpression.matches("prod", active, "test")).isTrue();
		assertThat(ProfileExpression.matches("!prod", active, "test")).isFalse();
		assertThat(ProfileExpression.matches("dev, eu", active, "test")).isTrue();
		assertThat(ProfileExpression.matches("prod & !dev", active, "test")).isTrue();
		assertThat(ProfileExpression.matches("prod & (us | dev)", active, "test")).isFalse();
		assertThat(ProfileExpression.matches("(prod & eu) | dev", active, "test")).isTrue();
		assertThat(ProfileExpression.matches("dev | us", active, "test")).isFalse();
	}

	@Test
	void yamlKeyGivenTwiceIsRefusedWithItsLineAsSpringBootRefusesIt() throws IOException {
		write("application.yml", """
				app:
				  migrations:
				    lock-timeout: 5s
				app:
				  migrations:
				    lock-timeout: 0
				""");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isEqualTo(2);
		assertThat(run.err())
			.contains("Could not read configuration file", "application.yml",
					"found duplicate key app at line 4, column 1.")
			.doesNotContain("WARNING");
		assertThat(this.cli.database().tableExists("seen")).isFalse();
	}

	@Test
	void yamlErrorQuotingAPasswordAsATagOrAnAliasDoesNotShowIt() throws IOException {
		for (String password : List.of("!S3cret-Tag", "*S3cretAlias", "!!int S3cretNumber", "!!S3cretGlobal")) {
			write("application.yml", """
					spring:
					  datasource:
					    username: app
					    password: %s
					""".formatted(password));
			CliRun run = upgrade();
			assertThat(run.code()).as(run.err()).isEqualTo(2);
			assertThat(run.err()).contains("Could not read configuration file", "application.yml")
				.doesNotContain("S3cret");
		}
	}

	@Test
	void profileNameThatIsAPathIsRefusedBeforeAnyFileIsRead() throws IOException {
		write("application.properties", "app.migrations.locations=classpath:db/revisions\n");
		Files.createDirectories(this.resources.resolve("application-x"));
		Files.writeString(this.cli.folder().resolve("outside.properties"), "app.migrations.lock-timeout=5s\n");
		this.cli.environment().put("SPRING_PROFILES_ACTIVE", "x/../../../outside");
		CliRun run = upgrade();
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("error: Profile 'x/../../../outside' of 'spring.profiles.active' in environment "
				+ "variable SPRING_PROFILES_ACTIVE is not a valid profile name.");
		assertThat(this.cli.database().tableExists("seen")).isFalse();
	}

	@Test
	void profileGroupsThatFormACycleOrALongChainAreEachReadOnce() throws IOException {
		StringBuilder chain = new StringBuilder("app.migrations.locations=classpath:db/revisions\n");
		chain.append("spring.profiles.active=g0\nspring.profiles.group.a=b\nspring.profiles.group.b=a\n");
		for (int i = 0; i < 100_000; i++) {
			chain.append("spring.profiles.group.g%d=g%d%n".formatted(i, i + 1));
		}
		chain.append("spring.profiles.group.g100000=a\n#---\nspring.config.activate.on-profile=b & g100000\n");
		chain.append("app.migrations.lock-timeout=5s\n");
		write("application.properties", chain.toString());
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("5s");
	}

	@Test
	void deeplyNestedProfileExpressionIsAnErrorNotACrash() {
		for (String expression : List.of("!".repeat(100_000) + "prod", "(".repeat(100_000) + "prod")) {
			assertThatExceptionOfType(CliException.class)
				.isThrownBy(() -> ProfileExpression.matches(expression, List.of("prod"), "test"))
				.withMessage("test has a profile expression that nests '(' and '!' more than 64 deep.");
		}
		assertThat(ProfileExpression.matches("!".repeat(62) + "prod", List.of("prod"), "test")).isTrue();
	}

	@Test
	void yamlAliasOfASectionIsReadAsTheSectionItNames() throws IOException {
		write("application.yml", """
				defaults: &migrations
				  locations: classpath:db/revisions
				  lock-timeout: 5s
				app:
				  migrations: *migrations
				""");
		CliRun run = upgrade();
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(lockTimeoutSeen()).isEqualTo("5s");
	}

	@Test
	void yamlAliasesOfAliasesThatExpandBeyondAnyConfigurationAreRefusedBeforeFlattening() throws IOException {
		// 18 lines that would expand to 2^18 settings
		StringBuilder laughs = new StringBuilder("l0: &l0 {a: 1, b: 2}\n");
		for (int i = 1; i < 18; i++) {
			laughs.append("l%d: &l%d {a: *l%d, b: *l%d}%n".formatted(i, i, i - 1, i - 1));
		}
		write("application.yml", laughs.toString());
		CliRun run = upgrade();
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("application.yml' expands to more than 100000 values: its aliases (*name) "
				+ "repeat what their anchors (&name) hold");
		write("application.yml", "a: &a {b: *a}\n");
		CliRun itself = upgrade();
		assertThat(itself.code()).isEqualTo(2);
		assertThat(itself.err()).contains("application.yml' has an anchor (&name) that holds an alias of itself");
	}

	@Test
	void booleanSettingIsReadAsSpringBootBindsItAndAnyOtherValueIsRefused() throws IOException {
		write("application.properties", "app.migrations.locations=classpath:db/revisions\n");
		this.cli.environment().put("APP_MIGRATIONS_VALIDATE_CHECKSUMS", "ture");
		CliRun typo = upgrade();
		assertThat(typo.code()).isEqualTo(2);
		assertThat(typo.err()).contains("error: 'app.migrations.validate-checksums' has an invalid value 'ture' in "
				+ "environment variable APP_MIGRATIONS_VALIDATE_CHECKSUMS.");
		assertThat(this.cli.database().tableExists("seen")).isFalse();
		this.cli.environment().put("APP_MIGRATIONS_VALIDATE_CHECKSUMS", "Yes");
		CliRun yes = upgrade();
		assertThat(yes.code()).as(yes.err()).isZero();
	}

}
