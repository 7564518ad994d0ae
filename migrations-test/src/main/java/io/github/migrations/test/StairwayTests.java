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
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Extend it with an empty class and every revision in {@code classpath:db/revisions} is
 * proved on a real PostgreSQL: each one upgrades, downgrades to exactly the schema before
 * it and upgrades again (one dynamic test per revision), the full cycle base → head →
 * base → head gives the same schema, there is a single head, and lint finds no statement
 * that takes a lock which would stall the application.
 *
 * <pre>
 * class RevisionsTests extends StairwayTests {
 * }
 * </pre>
 *
 * Override the protected methods to change the locations, the settings, the expected
 * heads, to insert rows before a revision, or to compare the head schema with a hand-kept
 * SQL file.
 */
public abstract class StairwayTests {

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
	 * Whether the revisions are linted: a lock-safety finding fails
	 * {@code revisionsPassLint}. On by default.
	 */
	protected boolean lint() {
		return true;
	}

	/**
	 * Whether style warnings (bigint keys, timestamptz, text, char) fail the lint test
	 * too. Off by default.
	 */
	protected boolean lintStrictly() {
		return false;
	}

	private Migrator migrator(TestDatabase.Database database) {
		return customize(
				Migrator.builder(database.dataSource()).locations(locations()).classLoader(getClass().getClassLoader()))
			.build();
	}

	@TestFactory
	Stream<DynamicTest> everyRevisionUpgradesDowngradesAndUpgradesAgain() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Migrator migrator = migrator(database);
		Stairway stairway = new Stairway(migrator, database.dataSource(), this::beforeUpgrading);
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
	void revisionsPassLint() {
		if (lint()) {
			// lint reads the files only: the data source is never connected
			Migrator migrator = customize(Migrator.builder(new PGSimpleDataSource())
				.locations(locations())
				.classLoader(getClass().getClassLoader())).build();
			new Stairway(migrator, new PGSimpleDataSource(), Stairway.DataHook.NONE).lint(lintStrictly());
		}
	}

	@Test
	void fullCycleBaseHeadBaseHeadGivesTheSameSchema() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		new Stairway(migrator(database), database.dataSource(), Stairway.DataHook.NONE).fullCycle();
	}

	@Test
	void revisionsHaveTheExpectedHeads() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		List<RevisionId> heads = migrator(database).heads();
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
			TestDatabase.Database fromReference = TestDatabase.shared().freshDatabase();
			fromReference.execute(read(reference));
			TestDatabase.Database fromRevisions = TestDatabase.shared().freshDatabase();
			migrator(fromRevisions).upgrade(io.github.migrations.core.revision.Target.heads());
			SchemaDiff diff = SchemaSnapshot.of(fromRevisions.dataSource())
				.diff(SchemaSnapshot.of(fromReference.dataSource()));
			if (!diff.isEmpty()) {
				throw new AssertionError(
						("The schema at head differs from %s ('+' only from the revisions, '-' only in the "
								+ "file, '~' differs):%n%s")
							.formatted(reference, diff));
			}
		}));
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

}
