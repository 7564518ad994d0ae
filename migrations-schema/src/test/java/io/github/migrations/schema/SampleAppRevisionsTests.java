package io.github.migrations.schema;

import java.util.List;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differ on a history nobody wrote for it: the sample app's revisions. For each
 * revision, the diff from the schema before it to the schema after it (and back)
 * reproduces that schema exactly.
 */
class SampleAppRevisionsTests {

	private static final String LOCATION = "filesystem:../sample-app/src/main/resources/db/revisions";

	static List<String[]> revisions() {
		List<String> ids = List.of("base", "0001", "0002", "0003", "0004", "0005", "0006");
		return java.util.stream.IntStream.range(1, ids.size())
			.mapToObj((i) -> new String[] { ids.get(i - 1), ids.get(i) })
			.toList();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("revisions")
	void eachRevisionIsReproducedExactlyInBothDirections(String before, String after) {
		SchemaChanges changes = RoundTrip.checkBuilt((database) -> upgrade(database, before),
				(database) -> upgrade(database, after), DiffOptions.defaults(), DiffOptions.defaults());
		assertThat(changes.unsupported()).isEmpty();
	}

	private static void upgrade(TestDatabase.Database database, String target) {
		if (!target.equals("base")) {
			Migrator.builder(database.dataSource()).locations(LOCATION).build().upgrade(Target.parse(target));
		}
	}

}
