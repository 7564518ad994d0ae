package io.github.migrations.autoconfigure.endpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.DriftDescriptor;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.ReviewDescriptor;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.schema.Change;
import io.github.migrations.schema.SchemaChanges;
import io.github.migrations.schema.scratch.Drift;
import io.github.migrations.schema.scratch.JdbcUrls;
import io.github.migrations.schema.scratch.ScratchServer;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Computes a {@link Migrator}'s drift for the endpoint, only when asked: its applied
 * revisions are replayed on a scratch database made on the same server (the role needs
 * {@code CREATEDB}) and the two schemas compared. A failure is reported in the response,
 * never thrown.
 */
final class DriftInspector {

	private final List<String> ignored;

	/**
	 * @param ignored objects the revisions do not manage
	 * ({@code app.migrations.ignored-objects})
	 */
	DriftInspector(List<String> ignored) {
		this.ignored = List.copyOf(ignored);
	}

	DriftDescriptor inspect(Migrator migrator) {
		try (ScratchServer server = ScratchServer.sameServerAs(migrator.dataSource(),
				(name) -> onSameServer(migrator.dataSource(), name))) {
			SchemaChanges changes = Drift.of(migrator, server, this.ignored);
			List<ReviewDescriptor> review = changes.changes()
				.stream()
				.flatMap((change) -> change.reviewNotes()
					.stream()
					.map((note) -> new ReviewDescriptor(change.sql(), note)))
				.toList();
			return new DriftDescriptor(!changes.isEmpty(), changes.changes().stream().map(Change::sql).toList(), review,
					changes.unsupported(), null);
		}
		catch (MigrationException ex) {
			String hint = (ex.hint() != null) ? " " + ex.hint() : "";
			return failed(ex.problem() + "." + hint);
		}
		catch (RuntimeException ex) {
			return failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private static DriftDescriptor failed(String error) {
		return new DriftDescriptor(null, List.of(), List.of(), List.of(), Secrets.mask(error));
	}

	/**
	 * A data source for another database of the migrator's server, with the same
	 * credentials: a plain driver data source, not a pool, since it lives as long as one
	 * comparison.
	 */
	static DataSource onSameServer(DataSource dataSource, String database) {
		String url;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the database URL: " + Secrets.mask(ex.getMessage()),
					"Check that the database accepts connections.", ex);
		}
		return DataSourceBuilder.derivedFrom(dataSource)
			.type(SimpleDriverDataSource.class)
			.url(JdbcUrls.withDatabase(url, database))
			.build();
	}

}
