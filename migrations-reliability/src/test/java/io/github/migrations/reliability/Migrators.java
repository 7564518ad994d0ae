package io.github.migrations.reliability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Builds engine instances whose connections carry an application name, so that the
 * server's views tell them apart.
 */
final class Migrators {

	private Migrators() {
	}

	static Migrator migrator(TestDatabase.Database database, RevisionFolder files, String applicationName) {
		return migrator(database, files, applicationName, UnaryOperator.identity());
	}

	static Migrator migrator(TestDatabase.Database database, RevisionFolder files, String applicationName,
			UnaryOperator<MigratorSettings> settings) {
		return Migrator.builder(dataSource(database, applicationName))
			.settings(settings.apply(MigratorSettings.defaults().withLocations(files.location())))
			.build();
	}

	static PGSimpleDataSource dataSource(TestDatabase.Database database, String applicationName) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(database.url());
		dataSource.setUser(database.username());
		dataSource.setPassword(database.password());
		dataSource.setApplicationName(applicationName);
		return dataSource;
	}

	static UnaryOperator<MigratorSettings> lockWait(Duration wait) {
		return (settings) -> settings.withLockWaitTimeout(wait);
	}

	/**
	 * Upgrades to head on a thread of its own.
	 */
	static CompletableFuture<MigrationResult> upgradeInBackground(Migrator migrator) {
		CompletableFuture<MigrationResult> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(migrator.upgrade(Target.head()));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "background-upgrade");
		thread.setDaemon(true);
		thread.start();
		return result;
	}

}
