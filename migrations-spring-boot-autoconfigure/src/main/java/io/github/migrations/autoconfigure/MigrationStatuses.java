package io.github.migrations.autoconfigure;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Where each {@link Migrator} bean's database stands, for the health indicator and the
 * {@code migrations.pending} gauge: read at most once per
 * {@code app.migrations.status-cache-time-to-live}, and read again after a run of the
 * auto-configured {@code Migrator}. A reading parses the revision headers, reads the
 * applied set and the newest log entry; it never reads the whole log.
 */
public final class MigrationStatuses implements MigrationListener {

	private final ListableBeanFactory beans;

	private final String target;

	private final Duration timeToLive;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	public MigrationStatuses(ListableBeanFactory beans, MigrationsProperties properties) {
		this.beans = beans;
		this.target = properties.getTarget();
		this.timeToLive = properties.getStatusCacheTimeToLive();
	}

	/**
	 * The names of the {@link Migrator} beans, sorted.
	 */
	public List<String> migratorNames() {
		String[] names = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(this.beans, Migrator.class);
		Arrays.sort(names);
		return List.of(names);
	}

	/**
	 * Where the named {@link Migrator}'s database stands, from the cache while it is
	 * fresh.
	 */
	public Reading read(String migratorName) {
		long now = System.nanoTime();
		Cached cached = this.cache.get(migratorName);
		if (cached != null && now - cached.readAt() < this.timeToLive.toNanos()) {
			return cached.reading();
		}
		Reading reading = read(migratorName, this.target);
		this.cache.put(migratorName, new Cached(reading, now));
		return reading;
	}

	private Reading read(String migratorName, String target) {
		Migrator migrator;
		try {
			migrator = this.beans.getBean(migratorName, Migrator.class);
		}
		catch (BeansException ex) {
			// a scrape while the context closes
			return new Reading(null, null, null,
					"Migrator bean '%s' is not available: %s".formatted(migratorName, ex.getMessage()), false);
		}
		return Reading.of(migrator, target);
	}

	@Override
	public void afterRun(MigrationResult result) {
		this.cache.clear();
	}

	@Override
	public void afterFailure(Direction direction, RuntimeException failure) {
		this.cache.clear();
	}

	private record Cached(Reading reading, long readAt) {

	}

	/**
	 * What one reading found.
	 *
	 * @param status where the database stands against the target, or {@code null} when it
	 * could not be read
	 * @param current the revisions the version store records as current, also when the
	 * status could not be read (a changed file fails the status, not this); {@code null}
	 * when even this could not be read
	 * @param lastLogEntry the newest log entry, or {@code null}
	 * @param error why the status could not be read, with credentials masked, or
	 * {@code null}
	 * @param migrating whether the status could not be read only because another session
	 * is running revisions outside a transaction right now, as the engine tells it
	 * ({@link HistoryMismatchException#inProgress()}; the error says which and who)
	 */
	public record Reading(@Nullable MigrationStatus status, @Nullable List<String> current,
			@Nullable LogEntry lastLogEntry, @Nullable String error, boolean migrating) {

		/**
		 * Reads the migrator's status against the target, and its newest log entry.
		 */
		public static Reading of(Migrator migrator, String target) {
			try {
				MigrationStatus status = migrator.status(Target.parse(target));
				return new Reading(status, status.current(), migrator.lastLogEntry(), null, false);
			}
			catch (RuntimeException ex) {
				// a failure from the database (unreachable, refused) would only fail
				// again, after as long a wait; a failed check of the files leaves it
				// readable
				List<String> current = fromDatabase(ex) ? null : currentIfReadable(migrator);
				return new Reading(null, current, null, Secrets.maskNullable(ex.getMessage()),
						ex instanceof HistoryMismatchException mismatch && mismatch.inProgress());
			}
		}

		private static boolean fromDatabase(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException) {
					return true;
				}
			}
			return false;
		}

		private static @Nullable List<String> currentIfReadable(Migrator migrator) {
			try {
				return migrator.current();
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}
