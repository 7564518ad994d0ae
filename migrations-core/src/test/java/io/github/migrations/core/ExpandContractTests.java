package io.github.migrations.core;

import java.nio.file.Path;
import java.util.List;

import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenStack's expand/contract layout on a real PostgreSQL: a root, an {@code expand} and
 * a {@code contract} branch, each contract revision depending on the expand revision of
 * its release ('c1' names it by its label), upgraded, stamped and reported as Alembic
 * does.
 */
class ExpandContractTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private RevisionFiles files;

	@BeforeEach
	void expandAndContract() {
		this.files = new RevisionFiles(this.folder);
		write("r0", "base", "", "", "CREATE TABLE ports (id bigint PRIMARY KEY, name text)");
		write("e1", "r0", "expand", "", "ALTER TABLE ports ADD COLUMN label text");
		write("c1", "r0", "contract", "expand", "ALTER TABLE ports DROP COLUMN name");
		write("e2", "e1", "", "", "CREATE TABLE networks (id bigint PRIMARY KEY)");
		write("c2", "c1", "", "e2", "ALTER TABLE ports ADD COLUMN network_id bigint REFERENCES networks (id)");
	}

	private void write(String id, String parent, String label, String dependsOn, String statement) {
		this.files.write(id + ".sql", """
				-- revision: %s
				-- down_revision: %s
				%s%s
				-- +upgrade
				%s;

				-- +downgrade
				SELECT 1;
				""".formatted(id, parent, label.isEmpty() ? "" : "-- branch_labels: " + label + "\n",
				dependsOn.isEmpty() ? "" : "-- depends_on: " + dependsOn + "\n", statement));
	}

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).locations(this.files.location()).build();
	}

	private List<String> upgrade(String target) {
		return migrator().upgrade(Target.parse(target)).revisions().stream().map(RevisionId::value).toList();
	}

	@Test
	void upgradeExpandHeadAppliesTheExpandLineageOnly() {
		assertThat(upgrade("expand@head")).containsExactly("r0", "e1", "e2");
		assertThat(this.database.tableExists("networks")).isTrue();
		assertThat(migrator().current()).containsExactly("e2");
	}

	@Test
	void upgradeContractHeadAppliesContractAndTheExpandRevisionsItDependsOn() {
		assertThat(upgrade("expand@+2")).containsExactly("r0", "e1");
		assertThat(upgrade("contract@head")).containsExactly("c1", "e2", "c2");
	}

	@Test
	void currentIsWhatAlembicVersionWouldHoldLeavingOutWhatContractDependsOn() {
		assertThat(upgrade("c1")).containsExactly("r0", "e1", "c1");
		assertThat(migrator().current()).containsExactly("c1");
		upgrade("expand@head");
		assertThat(migrator().current()).containsExactly("c1", "e2");
		upgrade("heads");
		assertThat(migrator().current()).containsExactly("c2");
	}

	@Test
	void stampRecordsExactlyTheAskedRevisionsAndRunsNothing() {
		migrator().stamp(List.of(Target.parse("e2"), Target.parse("c1")), false);
		assertThat(migrator().current()).containsExactly("c1", "e2");
		assertThat(migrator().appliedRevisions()).extracting((row) -> row.revision())
			.containsExactlyInAnyOrder("r0", "e1", "e2", "c1");
		assertThat(this.database.tableExists("ports")).isFalse();
	}

	@Test
	void stampingARevisionWithItsDescendantIsAccepted() {
		migrator().stamp(List.of(Target.parse("e2"), Target.parse("e1")), false);
		assertThat(migrator().current()).containsExactly("e2");
		assertThat(migrator().pending(Target.parse("contract@head"))).extracting((step) -> step.revision().id().value())
			.containsExactly("c1", "c2");
	}

}
