package io.github.migrations.autoconfigure.endpoint;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.migrations.autoconfigure.MigrationsProperties;
import io.github.migrations.autoconfigure.endpoint.MigrationInspector.Inspection;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

/**
 * The {@code migrations} endpoint: for each {@link Migrator} bean, where its database
 * stands, every revision, and the log of every step taken. Read-only; it never changes
 * the database.
 */
@Endpoint(id = "migrations")
public final class MigrationsEndpoint {

	private final ApplicationContext context;

	/**
	 * The selector that asks for the drift instead of a revision.
	 */
	static final String DRIFT = "drift";

	private final MigrationInspector inspector;

	private final DriftInspector drift;

	public MigrationsEndpoint(ApplicationContext context, MigrationsProperties properties) {
		this.context = context;
		this.inspector = new MigrationInspector(properties);
		this.drift = new DriftInspector(properties.getIgnoredObjects());
	}

	/**
	 * Every {@link Migrator} bean's state, revisions and log, keyed by bean name.
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<String, MigratorDescriptor> migrators = new TreeMap<>();
		migrators().forEach((name, migrator) -> migrators.put(name, describe(migrator)));
		return new MigrationsDescriptor(migrators);
	}

	/**
	 * {@code drift}: each {@link Migrator} bean's drift, computed now (see
	 * {@link #drift()}). Otherwise one revision, with its log entries, for each
	 * {@link Migrator} bean that knows it; {@code null} (404) when none does. (One
	 * operation answers both: two operations with one selector would share a path.)
	 */
	@ReadOperation
	@RegisterReflectionForBinding({ RevisionsDescriptor.class, DriftsDescriptor.class })
	public @Nullable OperationResponseBody revision(@Selector String revision) {
		if (DRIFT.equals(revision)) {
			return drift();
		}
		Map<String, RevisionDetailDescriptor> migrators = new TreeMap<>();
		migrators().forEach((name, migrator) -> {
			RevisionDetailDescriptor detail = describe(migrator, revision);
			if (detail != null) {
				migrators.put(name, detail);
			}
		});
		return migrators.isEmpty() ? null : new RevisionsDescriptor(migrators);
	}

	/**
	 * What was changed out of band in each {@link Migrator} bean's database: its schema
	 * compared with the schema its applied revisions produce, replayed on a scratch
	 * database on the same server. Computed only when asked ({@code /migrations/drift}),
	 * never by the health indicator.
	 */
	public DriftsDescriptor drift() {
		Map<String, DriftDescriptor> migrators = new TreeMap<>();
		migrators().forEach((name, migrator) -> migrators.put(name, this.drift.inspect(migrator)));
		return new DriftsDescriptor(migrators);
	}

	private Map<String, Migrator> migrators() {
		return BeanFactoryUtils.beansOfTypeIncludingAncestors(this.context, Migrator.class);
	}

	private MigratorDescriptor describe(Migrator migrator) {
		Inspection inspection = this.inspector.inspect(migrator);
		RevisionGraph graph = orNull(migrator::graph);
		// a version store that could not be read is not read again (each try may wait
		// for the pool's connection timeout)
		boolean readable = inspection.current() != null;
		@Nullable Map<String, AppliedRevision> applied = readable ? applied(migrator) : null;
		List<RevisionDescriptor> revisions = new ArrayList<>();
		List<String> heads = new ArrayList<>();
		if (graph != null) {
			graph.revisions().forEach((revision) -> revisions.add(RevisionDescriptor.of(revision, graph, applied)));
			graph.heads().forEach((head) -> heads.add(head.value()));
		}
		List<String> unknown = (inspection.status() != null) ? inspection.status().unknown() : List.of();
		return new MigratorDescriptor(inspection.state(), inspection.target(), inspection.error(), inspection.current(),
				heads, inspection.pending(), unknown, revisions, readable ? history(migrator, null) : null);
	}

	private @Nullable RevisionDetailDescriptor describe(Migrator migrator, String id) {
		if (!RevisionId.isValid(id)) {
			return null;
		}
		RevisionGraph graph = orNull(migrator::graph);
		Revision revision = (graph != null) ? graph.find(RevisionId.of(id)) : null;
		// as above: a version store that could not be read is not read again
		Inspection inspection = this.inspector.inspect(migrator);
		boolean readable = inspection.current() != null;
		Map<String, AppliedRevision> applied = readable ? applied(migrator) : null;
		AppliedRevision row = (applied != null) ? applied.get(id) : null;
		if (revision == null && row == null) {
			return null;
		}
		List<LogEntryDescriptor> history = (applied != null) ? history(migrator, id) : null;
		RevisionDescriptor described = (revision != null && graph != null)
				? RevisionDescriptor.of(revision, graph, applied)
				: RevisionDescriptor.unknown(Objects.requireNonNull(row));
		List<String> pending = inspection.pending();
		return new RevisionDetailDescriptor(described, (pending != null) ? pending.contains(id) : null, history,
				inspection.error());
	}

	/**
	 * The log (of one revision, when given), or {@code null} when it could not be read.
	 */
	private static @Nullable List<LogEntryDescriptor> history(Migrator migrator, @Nullable String revision) {
		List<LogEntry> history = orNull(migrator::history);
		if (history == null) {
			return null;
		}
		return history.stream()
			.filter((entry) -> revision == null || entry.revision().equals(revision))
			.map(LogEntryDescriptor::of)
			.toList();
	}

	/**
	 * The applied revisions by id, or {@code null} when the version store could not be
	 * read.
	 */
	private static @Nullable Map<String, AppliedRevision> applied(Migrator migrator) {
		List<AppliedRevision> rows = orNull(migrator::appliedRevisions);
		if (rows == null) {
			return null;
		}
		Map<String, AppliedRevision> applied = new HashMap<>();
		rows.forEach((row) -> applied.put(row.revision(), row));
		return applied;
	}

	private static <T> @Nullable T orNull(Supplier<T> read) {
		try {
			return read.get();
		}
		catch (RuntimeException ex) {
			// the inspection reports the failure as the state's error
			return null;
		}
	}

	/**
	 * The endpoint's response: each {@link Migrator} bean, keyed by bean name.
	 *
	 * @param migrators the migrators
	 */
	public record MigrationsDescriptor(Map<String, MigratorDescriptor> migrators) implements OperationResponseBody {

	}

	/**
	 * Where one {@link Migrator}'s database stands.
	 *
	 * @param state the state
	 * @param target the configured target ({@code app.migrations.target})
	 * @param error why the state is {@code FAILED}, or {@code null}
	 * @param current the applied revisions that no applied revision builds on, or
	 * {@code null} when the version store could not be read
	 * @param heads the heads of the revision files' graph
	 * @param pending the revisions an upgrade to the target would apply, in the order it
	 * would apply them, or {@code null} when the status could not be read
	 * @param unknown applied revisions that no revision file declares
	 * @param revisions every revision, parents before children
	 * @param history every step ever taken, oldest first, or {@code null} when the
	 * version store could not be read
	 */
	public record MigratorDescriptor(MigrationState state, String target, @Nullable String error,
			@Nullable List<String> current, List<String> heads, @Nullable List<String> pending, List<String> unknown,
			List<RevisionDescriptor> revisions, @Nullable List<LogEntryDescriptor> history) {

	}

	/**
	 * One revision.
	 *
	 * @param revision the id
	 * @param message the message, or {@code null}
	 * @param downRevisions the parents
	 * @param branchLabels the branch labels
	 * @param dependsOn the revisions or labels it depends on, besides its parents
	 * @param source the file or class it comes from; {@code null} for an applied revision
	 * that no file declares
	 * @param isHead whether no revision builds on it
	 * @param isMerge whether it has two or more parents
	 * @param applied whether the database has it, or {@code null} when the version store
	 * could not be read
	 * @param appliedAt when it was applied, or {@code null}
	 * @param appliedBy the database user that applied it, or {@code null}
	 */
	public record RevisionDescriptor(String revision, @Nullable String message, List<String> downRevisions,
			List<String> branchLabels, List<String> dependsOn, @Nullable String source, boolean isHead, boolean isMerge,
			@Nullable Boolean applied, @Nullable OffsetDateTime appliedAt, @Nullable String appliedBy) {

		static RevisionDescriptor of(Revision revision, RevisionGraph graph,
				@Nullable Map<String, AppliedRevision> applied) {
			AppliedRevision row = (applied != null) ? applied.get(revision.id().value()) : null;
			return new RevisionDescriptor(revision.id().value(), revision.message(),
					revision.downRevisions().stream().map(RevisionId::value).toList(),
					revision.branchLabels().stream().sorted().toList(), revision.dependsOn(), revision.source(),
					graph.isHead(revision.id()), revision.isMerge(), (applied != null) ? row != null : null,
					(row != null) ? row.appliedAt() : null, (row != null) ? row.appliedBy() : null);
		}

		static RevisionDescriptor unknown(AppliedRevision row) {
			return new RevisionDescriptor(row.revision(), null, row.downRevisions(), List.of(), List.of(), null, false,
					row.downRevisions().size() > 1, true, row.appliedAt(), row.appliedBy());
		}

	}

	/**
	 * One entry of the log.
	 *
	 * @param id the entry's number, increasing
	 * @param revision the revision
	 * @param action {@code upgrade}, {@code downgrade}, {@code stamp}, {@code unstamp} or
	 * {@code repair}
	 * @param success whether the step succeeded
	 * @param performedBy the database user
	 * @param performedAt when
	 * @param executionMs how long it took, in milliseconds
	 * @param checksum the revision file's checksum at the time
	 * @param message the revision's message
	 * @param error the failure, for a step that did not succeed
	 */
	public record LogEntryDescriptor(long id, String revision, String action, boolean success, String performedBy,
			OffsetDateTime performedAt, long executionMs, @Nullable String checksum, @Nullable String message,
			@Nullable String error) {

		static LogEntryDescriptor of(LogEntry entry) {
			return new LogEntryDescriptor(entry.id(), entry.revision(), entry.action(), entry.success(),
					entry.performedBy(), entry.performedAt(), entry.executionMs(), entry.checksum(), entry.message(),
					Secrets.maskNullable(entry.error()));
		}

	}

	/**
	 * The response for one revision: each {@link Migrator} bean that knows it, keyed by
	 * bean name.
	 *
	 * @param migrators the migrators
	 */
	public record RevisionsDescriptor(
			Map<String, RevisionDetailDescriptor> migrators) implements OperationResponseBody {

	}

	/**
	 * One revision, with whether it is pending and its log entries.
	 *
	 * @param revision the revision
	 * @param pending whether an upgrade to the target would apply it, or {@code null}
	 * when the status could not be read
	 * @param history its log entries, oldest first, or {@code null} when the version
	 * store could not be read
	 * @param error the migrator's {@code error} (why its state is {@code FAILED}), or
	 * {@code null}
	 */
	public record RevisionDetailDescriptor(RevisionDescriptor revision, @Nullable Boolean pending,
			@Nullable List<LogEntryDescriptor> history, @Nullable String error) {

	}

	/**
	 * The drift of each {@link Migrator} bean, keyed by bean name.
	 *
	 * @param migrators the migrators
	 */
	public record DriftsDescriptor(Map<String, DriftDescriptor> migrators) implements OperationResponseBody {

	}

	/**
	 * One database's drift: the statements that bring it back to the schema its applied
	 * revisions produce.
	 *
	 * @param drift whether the schema differs; {@code null} when it could not be compared
	 * @param statements the statements that undo what was changed out of band, in order
	 * @param review the statements to look at before running them (they may lose data, or
	 * are a guess), each with its note, as {@code migrations drift} marks them
	 * {@code -- REVIEW:}
	 * @param unsupported what differs that the statements cannot express
	 * @param error why the drift could not be computed (for example a role without
	 * {@code CREATEDB}), or {@code null}
	 */
	public record DriftDescriptor(@Nullable Boolean drift, List<String> statements, List<ReviewDescriptor> review,
			List<String> unsupported, @Nullable String error) {

	}

	/**
	 * A statement of a drift to look at before running it.
	 *
	 * @param statement the statement, as in {@link DriftDescriptor#statements()}
	 * @param note why: what it may lose (a dropped column's data, a narrowed type), or
	 * what it guesses
	 */
	public record ReviewDescriptor(String statement, String note) {

	}

}
