package io.github.migrations.core;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AppliedSet;
import io.github.migrations.core.database.UpToDate;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.Planning;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.CatalogLoader;
import io.github.migrations.core.script.Checksums;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an upgrade with nothing to do skip parsing the revision files. When the full check
 * finds the database up to date, the version store records the fingerprint of everything
 * that check depended on (the files' paths, sizes and CRC-32s, the Java revisions, the
 * settings it read and the target) with the server's digest of the applied set it read. A
 * later upgrade whose fingerprint is the recorded one, on an applied set that is still
 * the recorded one, reaches the same verdict without reading the files' contents, parsing
 * them or building the graph; any change to a file, a setting or the applied set (another
 * instance's run, a stamp, an edit by hand) sends it through the full check again.
 */
final class UpToDateCheck {

	private static final Logger logger = LoggerFactory.getLogger(UpToDateCheck.class);

	private final MigratorSettings settings;

	private final CatalogLoader loader;

	private final VersionStore store;

	UpToDateCheck(MigratorSettings settings, CatalogLoader loader, VersionStore store) {
		this.settings = settings;
		this.loader = loader;
		this.store = store;
	}

	/**
	 * The fingerprint of an upgrade to the target: the catalog's sources and the settings
	 * the check reads (not the timeouts or the transaction mode, which only matter when
	 * something runs, nor the placeholders, which checksums do not cover).
	 */
	String fingerprint(Target target) {
		String text = String.join("\n", this.loader.fingerprint(), "target " + target,
				"locations " + this.settings.locations(), "schema " + this.settings.schema(),
				"validate-checksums " + this.settings.validateChecksums(),
				"unknown-revisions " + this.settings.unknownRevisions(), "baseline " + this.settings.baseline(),
				"adopt-alembic-version " + this.settings.adoptAlembicVersion(),
				"alembic-version-table " + this.settings.alembicVersionTable());
		return HexFormat.of().formatHex(Checksums.newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * What the last check that found nothing to do recorded, when the applied set is
	 * still the one it read; {@code null} otherwise.
	 */
	@Nullable UpToDate recorded(Connection connection) throws SQLException {
		return this.store.upToDate(connection);
	}

	/**
	 * The heads the database is at, when the record is of a check with this fingerprint;
	 * {@code null} when the full check must run (also when the recorded heads are not
	 * revision ids).
	 */
	static @Nullable List<RevisionId> headsIfSame(@Nullable UpToDate recorded, String fingerprint) {
		if (recorded == null || !recorded.fingerprint().equals(fingerprint)) {
			return null;
		}
		try {
			return recorded.heads().stream().map(RevisionId::of).toList();
		}
		catch (IllegalArgumentException ex) {
			// edited by hand into something no check would have recorded
			return null;
		}
	}

	/**
	 * Records the verdict of a full check that found nothing to do, unless the database
	 * holds revisions that no file declares (their warning is to be repeated at every
	 * start). A store that cannot take the record (created before it existed, a read-only
	 * server) keeps the full check, nothing else.
	 */
	void record(Connection connection, String fingerprint, AppliedSet applied, Catalog catalog, MigrationPlan plan) {
		boolean allKnown = applied.revisions()
			.stream()
			.allMatch((revision) -> Planning.isKnown(catalog, revision.revision()));
		if (!allKnown || !plan.from().equals(plan.to())) {
			return;
		}
		try {
			this.store.recordUpToDate(connection, fingerprint, applied.digest(),
					plan.to().stream().map(RevisionId::value).toList());
		}
		catch (SQLException ex) {
			logger.debug("Could not record that the database is up to date; the next start checks every file again",
					ex);
		}
	}

}
