package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.Pipeline;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.StatementClassifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a step's commands to the session in as few round trips as they allow, each
 * exactly once, and reads back what comes: inside a transaction, the commands that return
 * no rows go together in one {@link Pipeline}; a query goes on its own and its rows are
 * read a page at a time and dropped; outside a transaction each statement goes alone.
 * Server notices are logged at debug level and let go as they arrive.
 */
final class CommandSender implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	private static final int FETCH_SIZE = 1000;

	private final Connection connection;

	private final Statement statement;

	private final @Nullable Pipeline pipeline;

	CommandSender(Connection connection) throws SQLException {
		this.connection = connection;
		this.statement = connection.createStatement();
		this.statement.setEscapeProcessing(false);
		this.statement.setFetchSize(FETCH_SIZE);
		this.pipeline = Pipeline.on(connection);
	}

	/**
	 * Sends the commands in order.
	 * @throws Failed naming the command that failed; those before it completed, those
	 * after it were not sent
	 */
	void send(MigrationStep step, List<Command> commands) throws Failed {
		int i = 0;
		while (i < commands.size()) {
			int end = endOfPipeline(commands, i);
			if (end > i) {
				pipeline(step, commands.subList(i, end));
				i = end;
				continue;
			}
			Command command = commands.get(i++);
			try {
				send(step, command);
			}
			catch (SQLException | RuntimeException ex) {
				throw new Failed(command, ex);
			}
		}
	}

	/**
	 * Sends SQL of the migrator's own that belongs to no step.
	 */
	void send(String sql) throws SQLException {
		this.statement.execute(sql);
	}

	/**
	 * Where a pipeline that starts at {@code from} ends: inside a transaction, after the
	 * last of the commands that follow which return no rows, or after the commit that
	 * ends the transaction; outside one, after the one command, as each statement is its
	 * own transaction. {@code from} when that command cannot be pipelined.
	 */
	private int endOfPipeline(List<Command> commands, int from) throws Failed {
		if (this.pipeline == null) {
			return from;
		}
		boolean inTransaction = inTransaction(commands.get(from));
		int end = from;
		while (end < commands.size() && pipelined(commands.get(end))) {
			end++;
			if (!inTransaction || commands.get(end - 1) instanceof Command.Commit) {
				break;
			}
		}
		return end;
	}

	private boolean inTransaction(Command next) throws Failed {
		try {
			return !this.connection.getAutoCommit();
		}
		catch (SQLException ex) {
			throw new Failed(next, ex);
		}
	}

	/**
	 * Whether a command can go in a pipeline: SQL that returns no rows.
	 */
	private static boolean pipelined(Command command) {
		if (command instanceof Command.Statement sql) {
			return StatementClassifier.returnsNoRows(sql.sql());
		}
		return command instanceof Command.Own || command instanceof Command.Commit;
	}

	private void pipeline(MigrationStep step, List<Command> commands) throws Failed {
		List<String> sql = new ArrayList<>(commands.size());
		for (Command command : commands) {
			sql.add(sql(step, command));
		}
		try {
			if (this.pipeline != null) {
				this.pipeline.execute(sql, CommandSender::notice);
			}
		}
		catch (Pipeline.Failure failure) {
			throw new Failed(commands.get(Math.min(failure.index(), commands.size() - 1)), failure.error());
		}
		if (commands.get(commands.size() - 1) instanceof Command.Commit) {
			try {
				// the server has committed: this only tells the driver
				this.connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				throw new Failed(commands.get(commands.size() - 1), ex);
			}
		}
	}

	private static String sql(MigrationStep step, Command command) {
		if (command instanceof Command.Statement statement) {
			logStatement(step, statement);
			return statement.sql();
		}
		if (command instanceof Command.Own own) {
			return own.sql();
		}
		if (command instanceof Command.Commit) {
			return "COMMIT";
		}
		throw new IllegalArgumentException("Not SQL: " + command);
	}

	private void send(MigrationStep step, Command command) throws SQLException {
		if (command instanceof Command.Statement sql) {
			logStatement(step, sql);
			// outside a transaction the driver holds every row of a query: one in its own
			// transaction, as alone it is anyway, is read a page at a time
			boolean ownTransaction = this.connection.getAutoCommit() && StatementClassifier.isQuery(sql.sql());
			if (ownTransaction) {
				this.connection.setAutoCommit(false);
			}
			this.statement.execute(sql.sql());
			drain();
			if (ownTransaction) {
				this.connection.commit();
				this.connection.setAutoCommit(true);
			}
		}
		else if (command instanceof Command.Own own) {
			this.statement.execute(own.sql());
		}
		else if (command instanceof Command.Begin) {
			this.connection.setAutoCommit(false);
		}
		else if (command instanceof Command.Commit) {
			this.connection.commit();
			this.connection.setAutoCommit(true);
		}
		else if (command instanceof Command.Java java) {
			if (java.direction() == Direction.UPGRADE) {
				java.script().migration().upgrade(this.connection);
			}
			else {
				java.script().migration().downgrade(this.connection);
			}
		}
	}

	/**
	 * Reads a statement's results to their end, a page at a time inside a transaction, so
	 * that a query runs to completion without holding its rows.
	 */
	private void drain() throws SQLException {
		while (true) {
			ResultSet rows = this.statement.getResultSet();
			if (rows != null) {
				try (rows) {
					long read = 0;
					while (rows.next()) {
						// notices raised while fetching are let go page by page
						if (++read % FETCH_SIZE == 0) {
							letGo(rows.getWarnings());
							rows.clearWarnings();
						}
					}
					letGo(rows.getWarnings());
				}
			}
			else if (this.statement.getUpdateCount() == -1) {
				break;
			}
			this.statement.getMoreResults();
		}
		letGo(this.statement.getWarnings());
		this.statement.clearWarnings();
	}

	private static void letGo(@Nullable SQLWarning warnings) {
		for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
			notice(warning);
		}
	}

	private static void notice(SQLWarning warning) {
		if (logger.isDebugEnabled()) {
			logger.debug("Server notice: {}", Secrets.maskNullable(warning.getMessage()));
		}
	}

	private static void logStatement(MigrationStep step, Command.Statement sql) {
		if (logger.isDebugEnabled()) {
			// a statement may set a password ('ALTER ROLE app PASSWORD ...')
			logger.debug("{}:{}: {}", step.script().source(), sql.statement().line(), Secrets.mask(sql.sql()));
		}
	}

	@Override
	public void close() throws SQLException {
		this.statement.close();
	}

	/**
	 * A command failed, or the session did while it was sent.
	 */
	static final class Failed extends Exception {

		private final Command command;

		Failed(Command command, Throwable cause) {
			super(cause.getMessage(), cause);
			this.command = command;
		}

		Command command() {
			return this.command;
		}

	}

}
