package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.Connections;
import io.github.migrations.core.database.LockHolders;
import io.github.migrations.core.plan.MigrationStep;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator, while a step runs, when it waits for another session's lock and who
 * that is: a {@code CREATE INDEX CONCURRENTLY} waiting for an old transaction, or a
 * revision with no {@code lock_timeout} queued behind a long query, would otherwise look
 * like a hung deployment. A step still running after {@link #FIRST} is looked at from a
 * second connection, and again every {@link #EVERY}; each time the server says it is
 * blocked ({@code pg_blocking_pids}), a warning names the sessions holding what it waits
 * for. While steps finish sooner nothing is opened or read. Nothing the watch meets can
 * change a run: it logs, and a connection that fails is opened again at the next look.
 */
final class LockWaitWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	/** How long a step runs before the watch first looks at it. */
	static final Duration FIRST = Duration.ofSeconds(10);

	/** How often it looks again. */
	static final Duration EVERY = Duration.ofMinutes(1);

	private final Supplier<Connection> connections;

	private final int pid;

	private final Duration first;

	private final Duration every;

	private boolean toldBlind;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable Connection watcher;

	private boolean closed;

	private volatile boolean sameSession;

	/**
	 * @param connections opens the second connection, when a step first runs long
	 * @param pid the backend of the session the steps run on; 0 when unknown, and then
	 * nothing is watched
	 */
	LockWaitWatch(Supplier<Connection> connections, int pid) {
		this(connections, pid, FIRST, EVERY);
	}

	LockWaitWatch(Supplier<Connection> connections, int pid, Duration first, Duration every) {
		this.connections = connections;
		this.pid = pid;
		this.first = first;
		this.every = every;
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
		AtomicBoolean done = new AtomicBoolean();
		ScheduledFuture<?> looks = scheduler().scheduleWithFixedDelay(() -> look(step, start, done),
				this.first.toMillis(), this.every.toMillis(), TimeUnit.MILLISECONDS);
		return () -> {
			done.set(true);
			looks.cancel(false);
		};
	}

	private synchronized ScheduledExecutorService scheduler() {
		if (this.scheduler == null) {
			// one thread per run, started with its first step
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
	 * Runs on the watch's thread; says nothing of a step that has finished meanwhile.
	 */
	private void look(MigrationStep step, long start, AtomicBoolean done) {
		Connection watcher = this.watcher;
		try {
			if (this.sameSession) {
				return;
			}
			if (watcher == null) {
				watcher = this.connections.get();
				if (backend(watcher) == this.pid) {
					// a data source that hands out its one connection again: nothing can
					// be
					// seen from it, and closing it would end the run's session
					this.sameSession = true;
					return;
				}
				synchronized (this) {
					if (this.closed) {
						// the run ended while the connection opened
						Connections.closeQuietly(watcher);
						return;
					}
					this.watcher = watcher;
				}
			}
			List<LockHolders.Holder> blocking = LockHolders.blocking(watcher, this.pid);
			if (!blocking.isEmpty() && !done.get()) {
				logger.warn("Revision '{}' ({}) has been running for {}, waiting for a lock held by {}",
						step.revision().id(), step.script().source(),
						LockHolders.duration(Duration.ofNanos(System.nanoTime() - start).toSeconds()),
						String.join("; ", blocking.stream().map(LockHolders.Holder::description).toList()));
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (watcher != null) {
				// opened again at the next look
				synchronized (this) {
					this.watcher = null;
				}
				Connections.closeQuietly(watcher);
			}
			if (!this.toldBlind) {
				this.toldBlind = true;
				logger.warn(
						"Revision '{}' has been running for a while; what it waits for cannot be seen "
								+ "from a second connection: {}",
						step.revision().id(), Secrets.maskNullable(ex.getMessage()));
			}
			logger.debug("Could not look at what revision '{}' waits for", step.revision().id(), ex);
		}
	}

	/**
	 * The backend of a session, or 0 when the connection does not say.
	 */
	static int backend(Connection connection) {
		try {
			return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class).getBackendPID()
					: 0;
		}
		catch (SQLException ex) {
			return 0;
		}
	}

	/**
	 * The watch of one step; closing it stops looking.
	 */
	interface Watching extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Stops watching, waiting a moment for a look under way, and closes the second
	 * connection if one was opened.
	 */
	@Override
	public void close() {
		ScheduledExecutorService scheduler;
		synchronized (this) {
			this.closed = true;
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
		Connection watcher;
		synchronized (this) {
			watcher = this.watcher;
			this.watcher = null;
		}
		if (watcher != null) {
			Connections.closeQuietly(watcher);
		}
	}

}
