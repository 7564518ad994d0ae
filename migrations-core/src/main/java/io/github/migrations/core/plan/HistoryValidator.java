package io.github.migrations.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.UnknownRevisionPolicy;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.lint.Leftovers;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.JavaRevisionScript;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.SqlScript;
import org.jspecify.annotations.Nullable;

/**
 * Compares the recorded revisions with the scripts before anything runs.
 */
public final class HistoryValidator {

	private final MigratorSettings settings;

	public HistoryValidator(MigratorSettings settings) {
		this.settings = settings;
	}

	/**
	 * Every problem: changed checksums (when validated), interrupted non-transactional
	 * revisions, and unknown revisions (when the policy is to fail). A revision marked as
	 * running is interrupted: for a run that holds the migration lock itself, or where no
	 * other run can hold it.
	 */
	public List<HistoryMismatchException.Problem> problems(Catalog catalog, List<AppliedRevision> applied) {
		return problems(catalog, applied, () -> null);
	}

	/**
	 * Every problem, as {@link #problems(Catalog, List)}, but a revision marked as
	 * running while another session holds the migration lock is in progress, not
	 * interrupted: its run is still going, and stamping it or undoing its work would
	 * break that run.
	 * @param lockHolder who holds the migration lock in another session, or {@code null}
	 * when nobody does; asked at most once, and only when a revision with a script is
	 * marked as running
	 */
	public List<HistoryMismatchException.Problem> problems(Catalog catalog, List<AppliedRevision> applied,
			Supplier<@Nullable String> lockHolder) {
		List<HistoryMismatchException.Problem> problems = recordedProblems(catalog, applied, lockHolder);
		problems.addAll(rewrittenBelowApplied(catalog, applied));
		return problems;
	}

	// what is wrong with each row on its own
	private List<HistoryMismatchException.Problem> recordedProblems(Catalog catalog, List<AppliedRevision> applied,
			Supplier<@Nullable String> lockHolder) {
		List<HistoryMismatchException.Problem> problems = new ArrayList<>();
		Set<String> appliedIds = applied.stream().map(AppliedRevision::revision).collect(Collectors.toSet());
		// the lock is looked at once, for the first marked revision
		boolean asked = false;
		String holder = null;
		for (AppliedRevision row : applied) {
			Script script = RevisionId.isValid(row.revision()) ? catalog.scripts().get(RevisionId.of(row.revision()))
					: null;
			if (script == null) {
				if (this.settings.unknownRevisions() == UnknownRevisionPolicy.FAIL) {
					problems.add(unknown(row, renamedTo(catalog, row, appliedIds)));
				}
				continue;
			}
			if (row.state() != AppliedState.APPLIED) {
				if (!asked) {
					holder = lockHolder.get();
					asked = true;
				}
				problems.add((holder != null) ? inProgress(row, holder) : interrupted(row, script));
			}
			// a revision that declares no checksum (a Java revision's default) is not
			// compared
			else if (this.settings.validateChecksums() && row.checksum() != null && script.checksum() != null
					&& !Objects.equals(row.checksum(), script.checksum())) {
				problems.add(changed(row, script));
			}
		}
		return problems;
	}

	/**
	 * The revisions that the files put below an applied revision but that are not
	 * applied: the history was rewritten after it was applied (an id renamed, a
	 * {@code down_revision} edited, a revision inserted below). Upgrading would run them
	 * under work that is already there, work the database may already hold under the old
	 * id. An older build never does this: what it declares and the database applied, the
	 * database applied with everything below it.
	 */
	private static List<HistoryMismatchException.Problem> rewrittenBelowApplied(Catalog catalog,
			List<AppliedRevision> applied) {
		Set<String> appliedIds = applied.stream().map(AppliedRevision::revision).collect(Collectors.toSet());
		Set<String> reported = new HashSet<>();
		List<HistoryMismatchException.Problem> problems = new ArrayList<>();
		for (AppliedRevision row : applied) {
			Script script = RevisionId.isValid(row.revision()) ? catalog.scripts().get(RevisionId.of(row.revision()))
					: null;
			if (script == null) {
				continue;
			}
			for (RevisionId parent : script.revision().downRevisions()) {
				Script missing = catalog.scripts().get(parent);
				if (!appliedIds.contains(parent.value()) && missing != null && reported.add(parent.value())) {
					problems.add(notAppliedBelow(catalog, missing, row, script, appliedIds));
				}
			}
		}
		return problems;
	}

	private static HistoryMismatchException.Problem notAppliedBelow(Catalog catalog, Script missing,
			AppliedRevision row, Script script, Set<String> appliedIds) {
		// the parents it was applied on that no file declares now: the old ids
		List<String> gone = row.downRevisions()
			.stream()
			.filter((id) -> appliedIds.contains(id) && !Planning.isKnown(catalog, id))
			.toList();
		String renamed = gone.isEmpty() ? ""
				: " It was applied on %s, which the database has but no file declares: %s was probably renamed to '%s'."
					.formatted(quoted(gone), quoted(gone), missing.revision().id());
		return new HistoryMismatchException.Problem(missing.revision().id().value(),
				("Revision '%s' (%s) is not applied, but revision '%s' (%s), which is applied, builds on it: "
						+ "the history below an applied revision was changed.%s")
					.formatted(missing.revision().id(), missing.source(), row.revision(), script.source(), renamed),
				("Restore the revision ids and down_revision lines as they were applied (see version control): "
						+ "an upgrade would run '%s' below '%s', and run its work a second time where the database "
						+ "holds it under another id. A new revision goes on top: set its down_revision to the head "
						+ "('migrations heads').")
					.formatted(missing.revision().id(), row.revision()));
	}

	/**
	 * The revisions marked as running ({@code transactional: false}) that a script
	 * declares, each told as {@link #problems(Catalog, List, Supplier)} tells it: in
	 * progress while another session holds the migration lock, else interrupted.
	 * @param lockHolder as for {@link #problems(Catalog, List, Supplier)}
	 */
	public List<HistoryMismatchException.Problem> unfinished(Catalog catalog, List<AppliedRevision> applied,
			Supplier<@Nullable String> lockHolder) {
		return recordedProblems(catalog,
				applied.stream()
					.filter((row) -> row.state() != AppliedState.APPLIED && RevisionId.isValid(row.revision())
							&& catalog.scripts().containsKey(RevisionId.of(row.revision())))
					.toList(),
				lockHolder);
	}

	private static HistoryMismatchException.Problem unknown(AppliedRevision row, String renamedTo) {
		return new HistoryMismatchException.Problem(row.revision(),
				"The database has revision '%s' applied (on %s by '%s'), but no script declares it.%s"
					.formatted(row.revision(), row.appliedAt().toLocalDate(), row.appliedBy(), renamedTo),
				"This happens when an older build runs against a newer database: deploy the build that has it, "
						+ "or set unknown revisions to 'warn' to leave it alone.",
				"unknown-revisions");
	}

	/**
	 * A question for an applied revision that no script declares, when a script that is
	 * not applied builds on exactly the parents it was applied on: was it renamed? Under
	 * its new id it would run again. Another branch's revision on the same parents looks
	 * the same, so it is asked, not told; with several such scripts, each is named.
	 * @return the question as a sentence with a leading space, or an empty string
	 */
	public static String renamedTo(Catalog catalog, AppliedRevision row, Set<String> appliedIds) {
		Set<String> parents = Set.copyOf(row.downRevisions());
		List<String> candidates = catalog.scripts()
			.values()
			.stream()
			.filter((script) -> !appliedIds.contains(script.revision().id().value()))
			.filter((script) -> parents
				.equals(script.revision().downRevisions().stream().map(RevisionId::value).collect(Collectors.toSet())))
			.sorted(Comparator.comparing((Script script) -> script.revision().id().value()))
			.map((script) -> "'%s' (%s)".formatted(script.revision().id(), script.source()))
			.toList();
		if (candidates.isEmpty()) {
			return "";
		}
		return " Was it renamed to %s? Then give it its applied id back: under the new one it would run a second time."
			.formatted(String.join(" or ", candidates));
	}

	private static HistoryMismatchException.Problem interrupted(AppliedRevision row, Script script) {
		String direction = (row.state() == AppliedState.UPGRADING) ? "upgrade" : "downgrade";
		// a merge's not-applied state is all of its parents
		String parents = script.revision().isBase() ? "base"
				: script.revision().downRevisions().stream().map(RevisionId::value).collect(Collectors.joining(" "));
		// what its statements leave when they stop halfway, which the operator must clear
		List<String> leftovers = (script instanceof SqlScript sql)
				? Leftovers.of(script.source(),
						sql.statements(
								(row.state() == AppliedState.UPGRADING) ? Direction.UPGRADE : Direction.DOWNGRADE))
				: List.of();
		return new HistoryMismatchException.Problem(row.revision(),
				("Revision '%s' (%s) was interrupted during %s while running outside a transaction "
						+ "(transactional: false): some of its statements may have taken effect.")
					.formatted(row.revision(), script.source(), direction),
				("Check the database by hand and finish or undo its work, then record the outcome: "
						+ "'migrations stamp %s' if it is applied, or 'migrations stamp %s' if it is not.%s")
					.formatted(row.revision(), parents, leftovers.isEmpty() ? ""
							: " Look first for what an interrupted statement leaves: " + String.join(" ", leftovers)));
	}

	private static HistoryMismatchException.Problem inProgress(AppliedRevision row, String holder) {
		return new HistoryMismatchException.Problem(row.revision(),
				("Revision '%s' is being %s right now, outside a transaction (transactional: false), by the run "
						+ "that holds the migration lock: %s.")
					.formatted(row.revision(), (row.state() == AppliedState.UPGRADING) ? "upgraded" : "downgraded",
							holder),
				"Wait for that run to end, then check again; do not stamp the revision or undo its work while it runs.",
				null, true);
	}

	private static HistoryMismatchException.Problem changed(AppliedRevision row, Script script) {
		if (script instanceof JavaRevisionScript) {
			return new HistoryMismatchException.Problem(row.revision(),
					"%s: revision '%s' was applied with checksum %s, but its checksum() now returns %s: the revision was changed after it was applied."
						.formatted(script.source(), row.revision(), abbreviated(row.checksum()),
								abbreviated(script.checksum())),
					"Restore the class as it was applied (see version control); if the change was deliberate and the "
							+ "database already matches it, call Migrator.repair() to record the new checksum (the "
							+ "command line's 'migrations repair' does not load Java revisions).");
		}
		return new HistoryMismatchException.Problem(row.revision(),
				"%s: revision '%s' was applied with checksum %s, but the file now has checksum %s: it was edited after it was applied."
					.formatted(script.source(), row.revision(), abbreviated(row.checksum()),
							abbreviated(script.checksum())),
				"Restore the file as it was applied (see version control); if the edit was deliberate and the database "
						+ "already matches it, run 'migrations repair' to record the new checksum.");
	}

	private static String quoted(List<String> ids) {
		return ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

	private static String abbreviated(String checksum) {
		return (checksum != null && checksum.length() > 12) ? checksum.substring(0, 12) : String.valueOf(checksum);
	}

}
