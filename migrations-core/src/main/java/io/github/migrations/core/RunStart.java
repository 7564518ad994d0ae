package io.github.migrations.core;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.migrations.core.history.AppliedRevision;
import io.github.migrations.core.history.VersionStore;

/**
 * What a run starts from, read before the lock: the catalog, the open session and the
 * committed applied set.
 */
record RunStart(Catalog catalog, Session session, List<AppliedRevision> applied) {

	/**
	 * Connects and reads the applied set on another thread while this one reads and
	 * parses the files: on two cores the first connection (driver start-up,
	 * authentication) and the parsing overlap instead of adding up.
	 */
	static RunStart openWhileLoading(ScriptCatalogLoader loader, Connections connections, VersionStore store) {
		CompletableFuture<Session> opening = CompletableFuture.supplyAsync(connections::open);
		Catalog catalog;
		try {
			catalog = loader.load();
		}
		catch (RuntimeException ex) {
			opening.thenAccept(Connections::closeQuietly);
			throw ex;
		}
		Session session;
		try {
			session = opening.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		try {
			return new RunStart(catalog, session, store.applied(session.connection()));
		}
		catch (SQLException | RuntimeException ex) {
			Connections.closeQuietly(session);
			throw (ex instanceof SQLException sql) ? Connections.failure(sql) : (RuntimeException) ex;
		}
	}

}
