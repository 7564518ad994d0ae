package io.github.migrations.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.test.database.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Extend it with an empty class and every revision in {@code classpath:db/revisions} is
 * proved on a real PostgreSQL: each one upgrades, downgrades to exactly the schema before
 * it and upgrades again (one dynamic test per revision), the full cycle base → head →
 * base → head gives the same schema, and there is a single head.
 *
 * <pre>
 * class RevisionsTests extends StairwayTests {
 * }
 * </pre>
 *
 * Override the protected methods to change the locations, the settings, the expected
 * heads, to insert rows before a revision, to compare the head schema with a hand-kept
 * SQL file, or to work in schemas instead of databases.
 * <p>
 * Each test works in a database it creates on the test server and drops when it ends,
 * also when it fails; the test server's user needs the {@code CREATEDB} privilege. With
 * {@link Isolation#SCHEMA} each test works in a schema it creates in the server's
 * database instead, and drops it the same way.
 */
@ExtendWith(StairwayTests.Workspaces.class)
public abstract class StairwayTests {

	/**
	 * Where each test works.
	 */
	public enum Isolation {

		/**
		 * In a database created for the test: every schema of it is compared. The test
		 * server's user needs {@code CREATEDB}.
		 */
		DATABASE,

		/**
		 * In a schema created for the test in the test server's database, set as the
		 * migrator's schema: only that schema is compared, and the revisions must not
		 * name another. The user needs only to be able to create schemas there.
		 */
		SCHEMA

	}

	/**
	 * Where the revisions are.
	 */
	protected String[] locations() {
		return new String[] { "classpath:db/revisions" };
	}

	/**
	 * Adjusts the migrator before the tests use it: settings, placeholders, Java
	 * revisions.
	 */
	protected Migrator.Builder customize(Migrator.Builder builder) {
		return builder;
	}

	/**
	 * The heads the revisions must have; empty (the default) means exactly one head.
	 */
	protected Set<String> expectedHeads() {
		return Set.of();
	}

	/**
	 * Inserts rows before a revision is upgraded, so its downgrade runs "with existing
	 * data".
	 */
	protected void beforeUpgrading(String revision, Connection connection) throws SQLException {
	}

	/**
	 * A class-path SQL file that should build the same schema as the revisions at head (a
	 * hand-kept {@code schema.sql} or an {@code init.sql}), or {@code null} for none.
	 */
	protected @Nullable String referenceSchema() {
		return null;
	}

	/**
	 * Where each test works: a database of its own (the default), or a schema of its own.
	 */
	protected Isolation isolation() {
		return Isolation.DATABASE;
	}

	private Migrator migrator(TestDatabase.Database database) {
		Migrator.Builder builder = customize(Migrator.builder(database.dataSource())
			.locations(locations())
			.classLoader(getClass().getClassLoader()));
		if (database.schema() != null) {
			builder.settings(builder.settings().withSchema(database.schema()));
		}
		return builder.build();
	}

	private Stairway stairway(TestDatabase.Database database, Stairway.DataHook hook) {
		Migrator migrator = migrator(database);
		return (database.schema() != null) ? Stairway.inSchema(migrator, database.dataSource(), hook)
				: new Stairway(migrator, database.dataSource(), hook);
	}

	@TestFactory
	Stream<DynamicTest> everyRevisionUpgradesDowngradesAndUpgradesAgain(TestDatabase.Database database) {
		Stairway stairway = stairway(database, this::beforeUpgrading);
		AtomicReference<String> failed = new AtomicReference<>();
		List<DynamicTest> tests = new ArrayList<>();
		for (Revision revision : stairway.steps()) {
			String name = revision.id() + ((revision.message() != null) ? ": " + revision.message() : "");
			tests.add(DynamicTest.dynamicTest(name, () -> {
				if (failed.get() != null) {
					throw new AssertionError("Not climbed: revision '%s' below it failed.".formatted(failed.get()));
				}
				try {
					stairway.climb(revision);
				}
				catch (AssertionError ex) {
					failed.set(revision.id().value());
					throw ex;
				}
			}));
		}
		return tests.stream();
	}

	@Test
	void fullCycleBaseHeadBaseHeadGivesTheSameSchema(TestDatabase.Database database) {
		stairway(database, Stairway.DataHook.NONE).fullCycle();
	}

	@Test
	void revisionsHaveTheExpectedHeads() {
		// the heads are read from the files alone: no database is created or connected to
		List<RevisionId> heads = customize(Migrator.builder(new PGSimpleDataSource())
			.locations(locations())
			.classLoader(getClass().getClassLoader())).build().heads();
		Set<String> actual = new TreeSet<>(heads.stream().map(RevisionId::value).toList());
		Set<String> expected = expectedHeads();
		if (expected.isEmpty() && actual.size() != 1) {
			throw new AssertionError(("The revisions have %d heads %s; one was expected. Merge them with "
					+ "'migrations merge -m \"merge heads\" heads', or override expectedHeads().")
				.formatted(actual.size(), actual));
		}
		if (!expected.isEmpty() && !actual.equals(new TreeSet<>(expected))) {
			throw new AssertionError(
					"The revisions have heads %s; %s were expected.".formatted(actual, new TreeSet<>(expected)));
		}
	}

	@TestFactory
	Stream<DynamicTest> schemaAtHeadMatchesTheReferenceSchema() {
		String reference = referenceSchema();
		if (reference == null) {
			return Stream.empty();
		}
		return Stream.of(DynamicTest.dynamicTest(reference, () -> {
			SchemaSnapshot expected;
			TestDatabase.Database fromReference = newWorkspace();
			try {
				fromReference.execute(read(reference));
				expected = snapshot(fromReference);
			}
			finally {
				TestDatabase.shared().drop(fromReference);
			}
			SchemaSnapshot actual;
			TestDatabase.Database fromRevisions = newWorkspace();
			try {
				migrator(fromRevisions).upgrade(io.github.migrations.core.revision.Target.heads());
				actual = snapshot(fromRevisions);
			}
			finally {
				TestDatabase.shared().drop(fromRevisions);
			}
			SchemaDiff diff = actual.diff(expected);
			if (!diff.isEmpty()) {
				throw new AssertionError(
						("The schema at head differs from %s ('+' only from the revisions, '-' only in the "
								+ "file, '~' differs):%n%s")
							.formatted(reference, diff));
			}
		}));
	}

	/**
	 * A database, or a schema, for one test, as {@link #isolation()} says; the caller
	 * drops it.
	 */
	TestDatabase.Database newWorkspace() {
		return (isolation() == Isolation.SCHEMA) ? TestDatabase.shared().freshSchema()
				: TestDatabase.shared().freshDatabase();
	}

	private SchemaSnapshot snapshot(TestDatabase.Database database) {
		return (database.schema() != null)
				? SchemaSnapshot.ofSchema(database.dataSource(), migrator(database).settings().tablePrefix(),
						database.schema())
				: SchemaSnapshot.of(database.dataSource(), migrator(database).settings().tablePrefix());
	}

	private String read(String resource) throws IOException {
		String path = resource.startsWith("classpath:") ? resource.substring("classpath:".length()) : resource;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(path.replaceFirst("^/", ""))) {
			if (in == null) {
				throw new AssertionError("Reference schema '%s' is not on the class path.".formatted(resource));
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Gives each test method the databases (or schemas) it asks for, and drops them when
	 * the method's tests have run, dynamic ones included, whether they passed or not.
	 */
	static final class Workspaces implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Workspaces.class);

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == TestDatabase.Database.class
					&& context.getTestInstance().filter(StairwayTests.class::isInstance).isPresent();
		}

		@Override
		public TestDatabase.Database resolveParameter(ParameterContext parameter, ExtensionContext context) {
			TestDatabase.Database database = ((StairwayTests) context.getRequiredTestInstance()).newWorkspace();
			AutoCloseable drop = () -> TestDatabase.shared().drop(database);
			context.getStore(NAMESPACE).put(database.url(), drop);
			return database;
		}

	}

}
