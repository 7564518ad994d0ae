package io.github.migrations.core;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.script.ScriptException;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Nothing a revision file or its name contains becomes SQL of ours, and what cannot be
 * stored or run is refused before the first statement.
 */
class HostileInputTests {

	private static final String ESCAPING_MESSAGE = "x\\', true, 0); DROP TABLE victim; --";

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	@TempDir
	Path scripts;

	private RevisionFiles files;

	@BeforeEach
	void victim() {
		this.database.execute("CREATE TABLE victim (id int)");
		this.files = new RevisionFiles(this.folder);
		this.files.table("a1", "base", "customers");
	}

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).locations(this.files.location()).build();
	}

	@Test
	void aMessageCannotLeaveItsLiteralWhenStandardConformingStringsIsOff() {
		this.database.execute("ALTER DATABASE " + this.database.name() + " SET standard_conforming_strings = off");
		this.database.execute("ALTER DATABASE " + this.database.name() + " SET escape_string_warning = off");
		this.files.write("b2_hostile.sql", """
				-- revision: b2
				-- down_revision: a1
				-- message: %s
				-- +upgrade
				-- +downgrade
				""".formatted(ESCAPING_MESSAGE));
		this.files.write("c3_path.sql", """
				-- revision: c3
				-- down_revision: b2
				-- message: store files under C:\\data\\
				-- +upgrade
				-- +downgrade
				""");
		migrator().upgrade(Target.head());
		assertThat(this.database.tableExists("victim")).isTrue();
		assertThat(migrator().history()).extracting(LogEntry::message)
			.containsExactly("create customers", ESCAPING_MESSAGE, "store files under C:\\data\\");
	}

	@Test
	void aFileNameWithALineBreakStaysInsideItsCommentInTheReviewScript() throws Exception {
		this.files.write("b2_x\nDROP TABLE victim; --.sql", """
				-- revision: b2
				-- down_revision: a1
				-- message: two
				-- +upgrade
				SELECT 1;
				-- +downgrade
				""");
		String script = migrator().sql(Direction.UPGRADE, Target.base(), Target.head());
		assertThat(script.lines()).noneMatch((line) -> line.startsWith("DROP TABLE victim"));
		Psql.runOrFail(this.database, script, this.scripts);
		assertThat(this.database.tableExists("victim")).isTrue();
		assertThat(this.database.tableExists("customers")).isTrue();
	}

	@Test
	void aNulByteIsRefusedWithItsLineBeforeAnythingRuns() {
		this.files.write("b2_nul.sql", "-- revision: b2\n-- down_revision: a1\n-- +upgrade\nSELECT 'a\0b';\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_nul.sql:4: the file holds a NUL byte (0x00)");
		assertThat(this.database.tableExists("customers")).isFalse();
	}

	@Test
	void anIdTooLongForTheVersionStoreIsRefusedBeforeAnythingRuns() {
		String id = "r".repeat(9000);
		this.files.write("b2_long.sql", "-- revision: %s\n-- down_revision: a1\n-- +upgrade\n".formatted(id));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_long.sql:1:")
			.withMessageContaining("is 9000 characters long. Use an id of at most 64 characters");
		assertThat(this.database.tableExists("customers")).isFalse();
	}

	@Test
	void aDanglingSymbolicLinkIsAnErrorNotASkippedRevision() throws Exception {
		Files.createSymbolicLink(this.folder.resolve("b2_gone.sql"), this.folder.resolve("missing/b2_gone.sql"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_gone.sql' of location")
			.withMessageContaining("is a symbolic link whose target does not exist");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().validate());
		assertThat(this.database.tableExists("customers")).isFalse();
	}

	@Test
	void anOlderBuildShowsTheDatabasesTipNotEveryNewerRevision() throws Exception {
		this.files.table("b2", "a1", "orders");
		this.files.table("c3", "b2", "invoices");
		migrator().upgrade(Target.head());
		Files.delete(this.folder.resolve("b2_orders.sql"));
		Files.delete(this.folder.resolve("c3_invoices.sql"));
		assertThat(migrator().current()).containsExactly("c3");
	}

}
