package io.github.migrations.core;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.sql.DataSource;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.script.ScriptSource;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An upgrade with nothing to do trusts the last full check that found the same files,
 * settings and applied set up to date, and checks everything again as soon as any of them
 * changed.
 */
class UpToDateCheckTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private RevisionFiles files;

	@BeforeEach
	void appliedLine() {
		this.files = new RevisionFiles(this.folder);
		this.files.table("a1", "base", "customers");
		this.files.table("b2", "a1", "orders");
		this.files.table("c3", "b2", "invoices");
		migrator().upgrade(Target.head());
	}

	private Migrator migrator() {
		return migrator(MigratorSettings.defaults().withLocations(this.files.location()));
	}

	private Migrator migrator(MigratorSettings settings) {
		return Migrator.builder(this.database.dataSource()).settings(settings).build();
	}

	private static List<String> ids(List<RevisionId> ids) {
		return ids.stream().map(RevisionId::value).toList();
	}

	/**
	 * Makes the record say the database is at b2: a start that trusts the record reports
	 * b2, one that checks the files reports c3.
	 */
	private void falsifyRecordedHeads() {
		this.database.execute("UPDATE migrations_fingerprint SET heads = 'b2'");
	}

	@Test
	void anUpgradeThatLeavesNothingToDoRecordsTheCheckThatTheNextStartTrusts() {
		assertThat(this.database.query("SELECT heads FROM migrations_fingerprint")).containsExactly("c3");
		falsifyRecordedHeads();
		MigrationResult trusted = migrator().upgrade(Target.head());
		assertThat(ids(trusted.to())).containsExactly("b2");
		assertThat(trusted.revisions()).isEmpty();
	}

	@Test
	void upgradeWithNothingToDoRecordsTheCheckWhenNoRunDid() {
		this.database.execute("DELETE FROM migrations_fingerprint");
		assertThat(ids(migrator().upgrade(Target.head()).to())).containsExactly("c3");
		assertThat(this.database.query("SELECT heads FROM migrations_fingerprint")).containsExactly("c3");
		falsifyRecordedHeads();
		assertThat(ids(migrator().upgrade(Target.head()).to())).containsExactly("b2");
	}

	@Test
	void aCheckRecordedForAnEarlierRevisionIsNotTrustedForTheHead() {
		this.files.table("d4", "c3", "payments");
		assertThat(ids(migrator().upgrade(Target.parse("c3")).to())).containsExactly("c3");
		assertThat(this.database.query("SELECT heads FROM migrations_fingerprint")).containsExactly("c3");
		assertThat(ids(migrator().upgrade(Target.head()).revisions())).containsExactly("d4");
	}

	@Test
	void aRunInOneTransactionRecordsTheCheckAfterItsCommit() {
		this.files.table("d4", "c3", "payments");
		this.files.table("e5", "d4", "refunds");
		MigratorSettings oneTransaction = MigratorSettings.defaults()
			.withLocations(this.files.location())
			.withTransactionMode(TransactionMode.ALL);
		assertThat(ids(migrator(oneTransaction).upgrade(Target.head()).revisions())).containsExactly("d4", "e5");
		assertThat(this.database.query("SELECT heads FROM migrations_fingerprint")).containsExactly("e5");
	}

	@Test
	void anEditedFileIsCheckedAgainAndStillStopsTheRun() {
		migrator().upgrade(Target.head());
		this.files.write("c3_invoices.sql", """
				-- revision: c3
				-- down_revision: b2
				-- message: create invoices

				-- +upgrade
				CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);

				-- +downgrade
				DROP TABLE invoices;
				""");
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("c3");
	}

	@Test
	void aNewFileRunsAndTheNextCheckIsRecordedAgain() {
		migrator().upgrade(Target.head());
		this.files.table("d4", "c3", "payments");
		assertThat(ids(migrator().upgrade(Target.head()).revisions())).containsExactly("d4");
		assertThat(this.database.query("SELECT heads FROM migrations_fingerprint")).containsExactly("d4");
		assertThat(ids(migrator().upgrade(Target.head()).to())).containsExactly("d4");
	}

	@Test
	void aChangedAppliedSetIsCheckedAgain() {
		migrator().upgrade(Target.head());
		falsifyRecordedHeads();
		this.database.execute("UPDATE migrations_revisions SET checksum = 'edited by hand' WHERE revision = 'a1'");
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("a1");
	}

	@Test
	void aChangedSettingIsCheckedAgain() {
		this.files.write("c3_invoices.sql", """
				-- revision: c3
				-- down_revision: b2
				-- message: create invoices, edited after it was applied

				-- +upgrade
				CREATE TABLE invoices (id bigint PRIMARY KEY);

				-- +downgrade
				DROP TABLE invoices;
				""");
		MigratorSettings lenient = MigratorSettings.defaults()
			.withLocations(this.files.location())
			.toBuilder()
			.validateChecksums(false)
			.build();
		migrator(lenient).upgrade(Target.head());
		assertThat(ids(migrator(lenient).upgrade(Target.head()).to())).containsExactly("c3");
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("c3");
	}

	@Test
	void recordedHeadsEditedIntoSomethingElseAreCheckedAgain() {
		this.database.execute("UPDATE migrations_fingerprint SET heads = 'not a revision id!'");
		assertThat(ids(migrator().upgrade(Target.head()).to())).containsExactly("c3");
		assertThat(this.database.query("SELECT heads FROM migrations_fingerprint")).containsExactly("c3");
	}

	@Test
	void anotherTargetIsCheckedAgain() {
		migrator().upgrade(Target.head());
		falsifyRecordedHeads();
		assertThat(ids(migrator().upgrade(Target.parse("heads")).to())).containsExactly("c3");
	}

	@Test
	void unknownAppliedRevisionsAreNeverRecordedSoTheirWarningRepeats() throws SQLException {
		this.database.execute("INSERT INTO migrations_revisions (revision, checksum) VALUES ('zz', 'x')");
		migrator().upgrade(Target.head());
		migrator().upgrade(Target.head());
		try (Connection connection = this.database.dataSource().getConnection()) {
			assertThat(store().upToDate(connection)).isNull();
		}
	}

	@Test
	void aStoreCreatedBeforeTheRecordExistedIsCheckedInFullAndGetsItsTableAtTheNextRun() {
		this.database.execute("DROP TABLE migrations_fingerprint");
		assertThat(ids(migrator().upgrade(Target.head()).to())).containsExactly("c3");
		assertThat(this.database.tableExists("migrations_fingerprint")).isFalse();
		this.files.table("d4", "c3", "payments");
		migrator().upgrade(Target.head());
		assertThat(this.database.query("SELECT heads FROM migrations_fingerprint")).containsExactly("d4");
	}

	@Test
	void aReadOnlyServerStillStartsWithNothingToDo() {
		this.database.execute("DELETE FROM migrations_fingerprint");
		this.database.execute("ALTER DATABASE \"" + this.database.name() + "\" SET default_transaction_read_only = on");
		assertThat(ids(migrator().upgrade(Target.head()).to())).containsExactly("c3");
		assertThat(this.database.query("SELECT count(*) FROM migrations_fingerprint")).containsExactly("0");
	}

	@Test
	void aJarIsFingerprintedFromItsDirectoryAndAnEditedEntryChangesIt() throws IOException {
		Path jar = this.folder.resolve("revisions.jar");
		writeJar(jar, Map.of("a1_customers.sql", "-- revision: a1\n-- down_revision: base\n-- +upgrade\nSELECT 1;\n"));
		String before = fingerprintOf(jar);
		assertThat(fingerprintOf(jar)).isEqualTo(before);
		writeJar(jar, Map.of("a1_customers.sql", "-- revision: a1\n-- down_revision: base\n-- +upgrade\nSELECT 2;\n"));
		assertThat(fingerprintOf(jar)).isNotEqualTo(before);
	}

	@Test
	void aStartThatTrustsTheRecordSendsOneQueryAndSetsUpNoSession() {
		List<String> statements = new ArrayList<>();
		DataSource counting = statementsOpenedOn(this.database.dataSource(), statements);
		Migrator migrator = Migrator.builder(counting)
			.settings(MigratorSettings.defaults().withLocations(this.files.location()))
			.build();
		assertThat(ids(migrator.upgrade(Target.head()).to())).containsExactly("c3");
		assertThat(statements).containsExactly("createStatement");
	}

	@Test
	void aPoolWhoseConnectionsDoNotAutoCommitStillMigratesAFreshDatabaseAndTrustsTheRecordAfter() {
		TestDatabase.Database fresh = TestDatabase.shared().freshDatabase();
		DataSource withoutAutoCommit = (DataSource) Proxy.newProxyInstance(UpToDateCheckTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = method.invoke(fresh.dataSource(), args);
					if (result instanceof Connection connection) {
						connection.setAutoCommit(false);
					}
					return result;
				});
		Migrator migrator = Migrator.builder(withoutAutoCommit)
			.settings(MigratorSettings.defaults().withLocations(this.files.location()))
			.build();
		assertThat(ids(migrator.upgrade(Target.head()).revisions())).containsExactly("a1", "b2", "c3");
		fresh.execute("UPDATE migrations_fingerprint SET heads = 'b2'");
		assertThat(ids(migrator.upgrade(Target.head()).to())).containsExactly("b2");
	}

	/**
	 * The data source, whose connections add to {@code statements} the name of each
	 * method that makes a statement.
	 */
	private static DataSource statementsOpenedOn(DataSource dataSource, List<String> statements) {
		InvocationHandler connections = (proxy, method, args) -> {
			Object result = method.invoke(dataSource, args);
			if (!(result instanceof Connection connection)) {
				return result;
			}
			return Proxy.newProxyInstance(UpToDateCheckTests.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (connectionProxy, connectionMethod, connectionArgs) -> {
						if (connectionMethod.getName().endsWith("Statement")) {
							statements.add(connectionMethod.getName());
						}
						try {
							return connectionMethod.invoke(connection, connectionArgs);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		};
		return (DataSource) Proxy.newProxyInstance(UpToDateCheckTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, connections);
	}

	private static String fingerprintOf(Path jar) throws IOException {
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			return new ScriptSource(List.of("classpath:db/revisions"), classLoader).fingerprint();
		}
	}

	private static void writeJar(Path jar, Map<String, String> revisions) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
			entries.putNextEntry(new JarEntry("db/"));
			entries.putNextEntry(new JarEntry("db/revisions/"));
			for (Map.Entry<String, String> revision : revisions.entrySet()) {
				entries.putNextEntry(new JarEntry("db/revisions/" + revision.getKey()));
				entries.write(revision.getValue().getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private static PostgresVersionStore store() {
		return new PostgresVersionStore(null, true, "migrations_revisions", "migrations_log", "migrations_fingerprint");
	}

}
