package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.migrations.core.database.Connections;
import io.github.migrations.core.database.LockHolders;
import io.github.migrations.core.plan.MigrationStep;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator, while a step runs, when it waits for another session's lock and who
 * that is: a {@code CREATE INDEX CONCURRENTLY} waiting for an old transaction, or a
 * revision with no {@code lock_timeout} queued behind a long query, would otherwise look
 * like a hung deployment. A step still running after {@link #FIRST} is looked at from a
 * second connection, and again every {@link #EVERY}; each time the server says it is
 * blocked ({@code pg_blocking_pids}), a warning names the sessions blocking it. While
 * steps finish sooner nothing is opened or read.
 */
final class LockWaitWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	/** How long a step runs before the watch first looks at it. */
	static final Duration FIRST = Duration.ofSeconds(10);

	/** How often it looks again. */
	static final Duration EVERY = Duration.ofMinutes(1);

	private final Supplier<Connection> connections;

	private final int pid;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable Connection watcher;

	/**
	 * @param connections opens the second connection, when a step first runs long
	 * @param pid the backend of the session the steps run on; 0 when unknown, and then
	 * nothing is watched
	 */
	LockWaitWatch(Supplier<Connection> connections, int pid) {
		this.connections = connections;
		this.pid = pid;
	}

	/**
	 * Watches a step until the returned handle is closed.
	 */
	Watching watch(MigrationStep step) {
		if (this.pid <= 0) {
			return () -> {
			};
		}
		long start = System.nanoTime();
		ScheduledFuture<?> looks = scheduler().scheduleWithFixedDelay(() -> look(step, start), FIRST.toMillis(),
				EVERY.toMillis(), TimeUnit.MILLISECONDS);
		return () -> looks.cancel(false);
	}

	private synchronized ScheduledExecutorService scheduler() {
		if (this.scheduler == null) {
			ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "migrations-lock-wait-watch");
				thread.setDaemon(true);
				return thread;
			});
			scheduler.setRemoveOnCancelPolicy(true);
			this.scheduler = scheduler;
		}
		return this.scheduler;
	}

	/**
	 * Runs on the watch's thread.
	 */
	private void look(MigrationStep step, long start) {
		try {
			if (this.watcher == null) {
				this.watcher = this.connections.get();
			}
			List<LockHolders.Holder> blocking = LockHolders.blocking(this.watcher, this.pid);
			if (!blocking.isEmpty()) {
				logger.warn(
						"Revision '{}' ({}) has waited {} for a lock held by {}; it goes on waiting until that "
								+ "session ends its transaction",
						step.revision().id(), step.script().source(),
						LockHolders.duration(Duration.ofNanos(System.nanoTime() - start).toSeconds()),
						String.join("; ", blocking.stream().map(LockHolders.Holder::description).toList()));
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not look at what revision '{}' waits for", step.revision().id(), ex);
		}
	}

	/**
	 * The watch of one step; closing it stops looking.
	 */
	interface Watching extends AutoCloseable {

		@Override
		void close();

	}

	@Override
	public void close() {
		ScheduledExecutorService scheduler;
		synchronized (this) {
			scheduler = this.scheduler;
		}
		if (scheduler == null) {
			return;
		}
		scheduler.shutdownNow();
		try {
			scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.watcher != null) {
			Connections.closeQuietly(this.watcher);
		}
	}

}
