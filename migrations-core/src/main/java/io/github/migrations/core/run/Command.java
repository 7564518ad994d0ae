package io.github.migrations.core.run;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.script.JavaRevisionScript;
import io.github.migrations.core.script.SqlStatement;

/**
 * One thing a run sends to the server, in order. {@link RunCommands} decides them; the
 * {@link Runner} executes them and the {@link ScriptRenderer} prints them, so what is
 * reviewed is what runs.
 */
sealed interface Command {

	/**
	 * Starts a transaction.
	 */
	record Begin() implements Command {

	}

	/**
	 * Commits the transaction.
	 */
	record Commit() implements Command {

	}

	/**
	 * SQL of the migrator's own: a session setting or a version-store write.
	 *
	 * @param sql the statement
	 * @param what what it does, for a message when it fails ("recording the revision")
	 */
	record Own(String sql, String what) implements Command {

	}

	/**
	 * A statement of the revision, placeholders replaced.
	 *
	 * @param sql the statement as sent
	 * @param statement the statement as written, for its {@code file:line}
	 */
	record Statement(String sql, SqlStatement statement) implements Command {

	}

	/**
	 * The code of a revision written in Java.
	 */
	record Java(JavaRevisionScript script, Direction direction) implements Command {

	}

}
