package io.github.migrations.core.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A revision written in Java, for data migrations that need code. It joins the same graph
 * as the SQL files; pass it to {@code Migrator.Builder#javaRevisions}.
 * <p>
 * The connection is inside the revision's transaction (unless {@link #transactional()} is
 * false): do not commit, roll back or close it.
 */
public interface JavaRevision {

	/**
	 * The revision id, as in a file's {@code revision:} header.
	 */
	String id();

	/**
	 * The parents, as in {@code down_revision:}; empty for a base revision.
	 */
	List<String> downRevisions();

	default @Nullable String message() {
		return null;
	}

	default Set<String> branchLabels() {
		return Set.of();
	}

	default List<String> dependsOn() {
		return List.of();
	}

	default boolean transactional() {
		return true;
	}

	/**
	 * A checksum to record and validate, or {@code null} (the default) for none.
	 */
	default @Nullable String checksum() {
		return null;
	}

	void upgrade(Connection connection) throws SQLException;

	void downgrade(Connection connection) throws SQLException;

}
