package io.github.migrations.schema.scratch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scratch databases on the configured server and on an embedded one, and what is built in
 * them.
 */
class ScratchServerTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void aScratchDatabaseIsMadeOnTheSameServerAndDroppedWhenClosed() {
		String name;
		try (ScratchServer server = sameServer(this.database.username(), this.database.password())) {
			ScratchDatabase scratch = server.create();
			name = scratch.name();
			assertThat(name).startsWith("migrations_scratch_");
			assertThat(databases()).contains(name);
			scratch.close();
			assertThat(databases()).doesNotContain(name);
			name = server.create().name();
		}
		assertThat(databases()).as("left open, dropped with the server").doesNotContain(name);
	}

	@Test
	void aRoleWithoutCreatedbIsToldWhatToGrant() {
		this.database.execute("CREATE ROLE scratch_nocreatedb LOGIN PASSWORD 'secret' NOCREATEDB");
		try (ScratchServer server = sameServer("scratch_nocreatedb", "secret")) {
			assertThatExceptionOfType(MigrationException.class).isThrownBy(server::create)
				.satisfies((ex) -> assertThat(ex.problem()).startsWith(
						"Could not create a scratch database: role 'scratch_nocreatedb' may not create databases"))
				.satisfies((ex) -> assertThat(ex.hint()).contains("ALTER ROLE \"scratch_nocreatedb\" CREATEDB"));
		}
		finally {
			this.database.execute("DROP ROLE scratch_nocreatedb");
		}
	}

	@Test
	void replayAppliesExactlyTheRevisionsTheDatabaseHasApplied(@TempDir Path revisions) throws IOException {
		Files.writeString(revisions.resolve("a1_first.sql"), """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE first (id int);
				""");
		Files.writeString(revisions.resolve("b2_second.sql"), """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE second (id int);
				""");
		Migrator live = Migrator.builder(this.database.dataSource()).locations("filesystem:" + revisions).build();
		live.upgrade(Target.parse("a1"));
		try (ScratchServer server = sameServer(this.database.username(), this.database.password());
				ScratchDatabase scratch = server.create()) {
			RevisionReplay.appliedRevisions(live, scratch);
			assertThat(tables(scratch)).contains("first").doesNotContain("second");
		}
		try (ScratchServer server = sameServer(this.database.username(), this.database.password());
				ScratchDatabase scratch = server.create()) {
			RevisionReplay.toHeads(live, scratch);
			assertThat(tables(scratch)).contains("first", "second");
		}
	}

	@Test
	void aFailingDesiredSchemaStatementIsReportedAtItsFileAndLine() {
		Path file = write("CREATE TABLE ok (id int);\n\nCREATE TABLE broken (id nosuchtype);\n");
		try (ScratchServer server = sameServer(this.database.username(), this.database.password());
				ScratchDatabase scratch = server.create()) {
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> DeclarativeSchema.apply(file, scratch, null))
				.satisfies((ex) -> assertThat(ex.location()).hasToString(file + ":3"))
				.withMessageContaining("type \"nosuchtype\" does not exist");
		}
	}

	private ScratchServer sameServer(String user, String password) {
		return ScratchServer.sameServerAs(dataSource(this.database.name(), user, password),
				(name) -> dataSource(name, user, password));
	}

	private DataSource dataSource(String name, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.database.url());
		dataSource.setDatabaseName(name);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

	private List<String> databases() {
		return this.database.query("SELECT datname FROM pg_database");
	}

	private static List<String> tables(ScratchDatabase scratch) {
		return query(scratch.dataSource(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
	}

	private static List<String> query(DataSource dataSource, String sql) {
		try (var connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var rows = statement.executeQuery(sql)) {
			List<String> values = new java.util.ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path write(String sql) {
		try {
			Path file = Files.createTempFile("desired", ".sql");
			Files.writeString(file, sql);
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
