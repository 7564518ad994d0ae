package io.github.migrations.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.database.AlembicDatabaseException;
import io.github.migrations.core.database.AlembicVersion;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.Planning;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.Script;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a database that Alembic migrated. While the version store has recorded
 * nothing and Alembic's {@code alembic_version} holds revisions, an upgrade would run
 * every revision again on tables that exist, and {@code current} would say base; so both
 * stop and say how to adopt. Adopting records exactly the revisions that
 * {@code alembic_version} holds, with what they build on, as applied without running
 * anything, and leaves {@code alembic_version} as it is.
 */
final class AlembicAdoption {

	// the migrator's category, where operators look for what a run did
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	static final String SETTING = "adopt-alembic-version";

	static final String TABLE_SETTING = "alembic-version-table";

	private final VersionStore store;

	private final String table;

	private final boolean adoptionSet;

	/**
	 * @param table Alembic's version table as configured, {@code [schema.]name}
	 * @param adoptionSet whether the settings let an upgrade adopt the table
	 */
	AlembicAdoption(VersionStore store, String table, boolean adoptionSet) {
		this.store = store;
		this.table = table;
		this.adoptionSet = adoptionSet;
	}

	/**
	 * Stops a read or a run on a database that Alembic migrated and the version store has
	 * not recorded: nothing applied, nothing ever logged, and revisions in
	 * {@code alembic_version}.
	 */
	void refuseUnadopted(Connection connection, List<AppliedRevision> applied) throws SQLException {
		AlembicVersion alembic = unadopted(connection, applied);
		if (alembic == null) {
			return;
		}
		String problem = ("The database was migrated by Alembic: %s holds %s, and the version store %s has recorded "
				+ "nothing yet, so every revision would run again on tables that exist. Nothing was changed")
			.formatted(alembic.table(), alembic.describe(), this.store.describe());
		if (this.adoptionSet) {
			// only an upgrade adopts: saying to set what is set would send the user in a
			// circle
			throw new AlembicDatabaseException(problem,
					("adopt-alembic-version is set, so 'migrations upgrade' records what %s holds before it runs "
							+ "anything; to record it without upgrading, run 'migrations stamp --from-alembic'.")
						.formatted(alembic.table()),
					null);
		}
		throw new AlembicDatabaseException(problem,
				"Give each Alembic revision a revision file with the same id, then record what %s holds without "
					.formatted(alembic.table())
						+ "running anything: run 'migrations stamp --from-alembic', or let the upgrade do it by "
						+ "setting adopt-alembic-version to true.",
				SETTING);
	}

	/**
	 * Stops a stamp on a database that Alembic migrated and the version store has not
	 * recorded, when it would record other revisions than {@code alembic_version} holds:
	 * those between would count as applied without having run (a habit of Alembic's
	 * {@code stamp head} on an init-script database, here on one Alembic migrated).
	 * @param stamped where the stamp would leave the database, as {@code alembic_version}
	 * would hold it
	 */
	void refuseStampOverUnadopted(Connection connection, List<AppliedRevision> applied, List<RevisionId> stamped)
			throws SQLException {
		if (stamped.isEmpty()) {
			return;
		}
		AlembicVersion alembic = unadopted(connection, applied);
		List<String> ids = stamped.stream().map(RevisionId::value).toList();
		if (alembic == null || Set.copyOf(alembic.revisions()).equals(Set.copyOf(ids))) {
			return;
		}
		String quoted = String.join(", ", ids.stream().map((id) -> "'" + id + "'").toList());
		throw new AlembicDatabaseException(("The database was migrated by Alembic: %s holds %s, but the stamp would "
				+ "record %s, so the revisions between would count as applied without having run (the version store "
				+ "%s has recorded nothing yet). Nothing was changed")
			.formatted(alembic.table(), alembic.describe(), quoted, this.store.describe()),
				("Record what Alembic applied with 'migrations stamp --from-alembic', then 'migrations upgrade' runs "
						+ "what follows; to record %s anyway, run 'migrations stamp %s' after that.")
					.formatted(quoted, String.join(" ", ids)),
				null);
	}

	/**
	 * Before an upgrade: adopts {@code alembic_version} when the settings allow and the
	 * database needs it, or stops as {@link #refuseUnadopted} does.
	 * @return the applied set to go on with
	 */
	List<AppliedRevision> adoptIfNeeded(Connection connection, Catalog catalog, List<AppliedRevision> applied,
			boolean allowed) throws SQLException {
		Adoption adoption = adoptionIfNeeded(connection, catalog, applied, allowed);
		if (adoption == null) {
			return applied;
		}
		record(connection, adoption);
		return this.store.applied(connection);
	}

	/**
	 * What {@link #adoptIfNeeded} would record, without recording it: for a script that
	 * shows an upgrade before it runs.
	 * @return the revisions to record, or {@code null} when the database needs no
	 * adoption
	 */
	@Nullable Adoption adoptionIfNeeded(Connection connection, Catalog catalog, List<AppliedRevision> applied, boolean allowed)
			throws SQLException {
		if (!allowed) {
			refuseUnadopted(connection, applied);
			return null;
		}
		AlembicVersion alembic = unadopted(connection, applied);
		return (alembic != null) ? adoption(catalog, alembic) : null;
	}

	/**
	 * Adopts {@code alembic_version} on demand, on a version store that has recorded
	 * nothing.
	 * @return the table read, and the revisions recorded as the database's heads, as it
	 * holds them
	 */
	AdoptedAlembicVersion adopt(Connection connection, Catalog catalog, List<AppliedRevision> applied)
			throws SQLException {
		if (!applied.isEmpty() || this.store.hasHistory(connection)) {
			throw new AlembicDatabaseException(
					"The version store %s has already recorded revisions, so there is nothing of Alembic's to adopt"
						.formatted(this.store.describe()),
					"Run 'migrations current' to see where the database stands; to record other revisions instead, "
							+ "run 'migrations stamp head --purge' (naming them in place of 'head').",
					null);
		}
		AlembicVersion alembic = AlembicVersion.read(connection, this.table);
		if (alembic == null) {
			String where = (this.table.indexOf('.') >= 0) ? "exists" : "is on the search path of this connection";
			throw new AlembicDatabaseException(
					"No table '%s' %s, so there is nothing of Alembic's to adopt".formatted(this.table, where),
					"Connect to the database Alembic migrated, and name the table as its env.py does: "
							+ "version_table (and version_table_schema) as '[schema.]name' in the alembic version "
							+ "table setting; Alembic's default is 'alembic_version' in the connection's first schema.",
					TABLE_SETTING);
		}
		if (alembic.revisions().isEmpty()) {
			throw new AlembicDatabaseException(
					"%s is empty: Alembic stands at base, so there is no revision to adopt".formatted(alembic.table()),
					"Run 'migrations upgrade' to apply every revision.", null);
		}
		Adoption adoption = adoption(catalog, alembic);
		record(connection, adoption);
		return new AdoptedAlembicVersion(alembic.table(), catalog.graph().headsOf(Set.copyOf(adoption.heads())));
	}

	private @Nullable AlembicVersion unadopted(Connection connection, List<AppliedRevision> applied)
			throws SQLException {
		if (!applied.isEmpty() || this.store.hasHistory(connection)) {
			return null;
		}
		AlembicVersion alembic = AlembicVersion.read(connection, this.table);
		return (alembic != null && !alembic.revisions().isEmpty()) ? alembic : null;
	}

	/**
	 * The revisions of {@code alembic_version} and what they build on (their ancestors
	 * and dependencies), after checking that each has a revision file.
	 */
	private static Adoption adoption(Catalog catalog, AlembicVersion alembic) {
		List<String> missing = alembic.revisions().stream().filter((id) -> !Planning.isKnown(catalog, id)).toList();
		if (!missing.isEmpty()) {
			throw new AlembicDatabaseException(
					"%s holds %s, which no revision file declares, so it cannot be adopted".formatted(alembic.table(),
							String.join(", ", missing.stream().map(AlembicVersion::quoted).toList())),
					"Port each of them from Alembic's versions/*.py to a revision file with the same id "
							+ "('-- revision: <id>'), then adopt again. Nothing was changed.",
					null);
		}
		List<RevisionId> heads = alembic.revisions().stream().map(RevisionId::of).toList();
		List<Script> added = new ArrayList<>();
		for (RevisionId id : catalog.graph().inOrder(catalog.graph().ancestorsOf(heads))) {
			added.add(catalog.scripts().get(id));
		}
		return new Adoption(alembic, heads, List.copyOf(added));
	}

	/**
	 * Records an adoption as applied, in one transaction.
	 */
	private void record(Connection connection, Adoption adoption) throws SQLException {
		this.store.ensure(connection);
		connection.setAutoCommit(false);
		try {
			this.store.stamp(connection, adoption.added(), Set.of());
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
		AlembicVersion alembic = adoption.alembic();
		logger.info("Adopted Alembic's {}: recorded {} revision(s) as applied, up to {}; nothing ran, and {} is left "
				+ "as it is", alembic.table(), adoption.added().size(), alembic.describe(), alembic.table());
	}

	/**
	 * What adopting {@code alembic_version} records.
	 *
	 * @param alembic the table read
	 * @param heads the revisions it holds
	 * @param added those revisions and what they build on, parents first
	 */
	record Adoption(AlembicVersion alembic, List<RevisionId> heads, List<Script> added) {

	}

}
