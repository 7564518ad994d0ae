package io.github.migrations.core.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.CatalogLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the history check looks at who holds the migration lock: only for a revision
 * marked as running, and once.
 */
class HistoryValidatorTests {

	private final HistoryValidator validator = new HistoryValidator(MigratorSettings.defaults());

	private final AtomicInteger asked = new AtomicInteger();

	private final Supplier<String> lockHolder = () -> {
		this.asked.incrementAndGet();
		return "PostgreSQL backend 4242 ('orders-api')";
	};

	private Catalog catalog;

	@BeforeEach
	void writeRevisions(@TempDir Path folder) throws IOException {
		for (String[] revision : List.of(new String[] { "a1", "base" }, new String[] { "b2", "a1" },
				new String[] { "c3", "b2" })) {
			Files.writeString(folder.resolve(revision[0] + "_step.sql"), """
					-- revision: %s
					-- down_revision: %s
					-- transactional: false
					-- +upgrade
					SELECT 1;
					-- +downgrade
					SELECT 2;
					""".formatted(revision[0], revision[1]));
		}
		this.catalog = new CatalogLoader(List.of("filesystem:" + folder), List.of(), getClass().getClassLoader())
			.load();
	}

	@Test
	void aHistoryWithNothingMarkedRunningNeverLooksAtTheLock() {
		assertThat(this.validator.problems(this.catalog, List.of(row("a1", AppliedState.APPLIED),
				row("b2", AppliedState.APPLIED), row("c3", AppliedState.APPLIED)), this.lockHolder))
			.isEmpty();
		assertThat(this.asked).hasValue(0);
	}

	@Test
	void revisionsMarkedRunningLookAtTheLockOnceAndAreInProgressWhileItIsHeldElsewhere() {
		List<HistoryMismatchException.Problem> problems = this.validator.problems(this.catalog,
				List.of(row("a1", AppliedState.APPLIED), row("b2", AppliedState.UPGRADING),
						row("c3", AppliedState.DOWNGRADING)),
				this.lockHolder);
		assertThat(this.asked).hasValue(1);
		assertThat(problems).extracting(HistoryMismatchException.Problem::description)
			.containsExactly(
					"Revision 'b2' is being upgraded right now, outside a transaction (transactional: false), by the "
							+ "run that holds the migration lock: PostgreSQL backend 4242 ('orders-api').",
					"Revision 'c3' is being downgraded right now, outside a transaction (transactional: false), by the "
							+ "run that holds the migration lock: PostgreSQL backend 4242 ('orders-api').");
		assertThat(new HistoryMismatchException(problems).inProgress()).isTrue();
	}

	@Test
	void aRevisionMarkedRunningWhileNobodyHoldsTheLockWasInterrupted() {
		List<HistoryMismatchException.Problem> problems = this.validator.problems(this.catalog,
				List.of(row("a1", AppliedState.APPLIED), row("b2", AppliedState.UPGRADING)), () -> null);
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.inProgress()).isFalse();
			assertThat(problem.description()).contains("was interrupted during upgrade");
			assertThat(problem.hint())
				.contains("'migrations stamp b2' if it is applied, or 'migrations stamp a1' if " + "it is not.");
		});
		assertThat(new HistoryMismatchException(problems).inProgress()).isFalse();
	}

	private AppliedRevision row(String id, AppliedState state) {
		String checksum = this.catalog.scripts().get(RevisionId.of(id)).checksum();
		return new AppliedRevision(id, List.of(), checksum, state, "postgres", OffsetDateTime.now(), 0);
	}

}
