package io.github.migrations.core.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.migrations.core.api.ScriptLocation;
import org.jspecify.annotations.Nullable;

/**
 * Tells, from the leading keywords of a statement, whether PostgreSQL (17) lets it run
 * inside a transaction block. Only the first few tokens are read, so the cost does not
 * grow with the statement's length.
 * <p>
 * {@link Kind#NOT_IN_TRANSACTION}: {@code CREATE [UNIQUE] INDEX CONCURRENTLY},
 * {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY} (keyword or option),
 * {@code REINDEX SCHEMA|DATABASE|SYSTEM}, {@code VACUUM}, {@code CLUSTER} without a
 * table, {@code CREATE|DROP DATABASE}, {@code ALTER DATABASE ... SET TABLESPACE},
 * {@code CREATE|DROP TABLESPACE}, {@code ALTER SYSTEM}, {@code DISCARD ALL},
 * {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY},
 * {@code CREATE|DROP SUBSCRIPTION} and
 * {@code ALTER SUBSCRIPTION ... REFRESH|SET|ADD|DROP PUBLICATION}. The subscription
 * commands are refused in their default form; options that would allow them
 * ({@code create_slot = false}, {@code slot_name = NONE}, {@code refresh = false}) are
 * not read. Not detected, as the text does not tell: {@code REINDEX} or {@code CLUSTER}
 * of a partitioned table, {@code ALTER SUBSCRIPTION ... SET (failover|two_phase)}.
 * <p>
 * {@link Kind#TRANSACTION_CONTROL}: {@code BEGIN}, {@code START TRANSACTION},
 * {@code COMMIT [PREPARED]}, {@code END}, {@code ROLLBACK [PREPARED|TO SAVEPOINT]},
 * {@code ABORT}, {@code SAVEPOINT}, {@code RELEASE [SAVEPOINT]},
 * {@code PREPARE TRANSACTION}.
 */
public final class StatementClassifier {

	/**
	 * Enough tokens for {@code ALTER TABLE IF EXISTS ONLY s.t DETACH PARTITION s.p ...}.
	 */
	private static final int MAX_TOKENS = 16;

	/** The token that stands for the end of the statement. */
	private static final String END = ";";

	private static final SqlLexing.Unterminated UNTERMINATED = (start, problem,
			hint) -> new ScriptException(ScriptLocation.at("statement", 0), problem, hint);

	private StatementClassifier() {
	}

	/**
	 * What PostgreSQL allows {@code statement} to do with transactions, judged from its
	 * leading keywords; empty for an ordinary statement.
	 */
	public static Optional<Refusal> refusal(SqlStatement statement) {
		Tokens tokens = Tokens.read(statement.sql());
		String what = transactionControl(tokens);
		if (what != null) {
			return Optional.of(new Refusal(Kind.TRANSACTION_CONTROL, what, tokens.start() + 1));
		}
		what = notInTransaction(tokens);
		return Optional.ofNullable(what).map((w) -> new Refusal(Kind.NOT_IN_TRANSACTION, w, tokens.start() + 1));
	}

	/**
	 * Whether a statement is known to return no rows, or one at most: DDL, {@code DO},
	 * {@code CALL}, settings, privileges, and {@code INSERT}, {@code UPDATE},
	 * {@code DELETE} or {@code MERGE} without the word {@code RETURNING} anywhere in
	 * them. {@code false} for queries and for anything not recognised.
	 */
	public static boolean returnsNoRows(String sql) {
		String first = Tokens.read(sql).at(0);
		return switch (first) {
			case "ALTER", "ANALYZE", "CALL", "CLUSTER", "COMMENT", "CREATE", "DISCARD", "DO", "DROP", "GRANT", "IMPORT",
					"LOCK", "NOTIFY", "REASSIGN", "REFRESH", "REINDEX", "RESET", "REVOKE", "SECURITY", "SET",
					"TRUNCATE", "VACUUM" ->
				true;
			case "INSERT", "UPDATE", "DELETE", "MERGE" -> !containsIgnoringCase(sql, "returning");
			default -> false;
		};
	}

	/**
	 * Whether a statement sent on its own outside a transaction takes effect whole or not
	 * at all: not one that PostgreSQL refuses inside a transaction block (such as
	 * {@code CREATE INDEX CONCURRENTLY}, which commits as it goes), nor a {@code CALL} or
	 * {@code DO}, whose code may commit.
	 */
	public static boolean atomicAlone(SqlStatement statement) {
		String first = Tokens.read(statement.sql()).at(0);
		return !first.equals("CALL") && !first.equals("DO") && refusal(statement).isEmpty();
	}

	/**
	 * Whether a statement writes rows: {@code INSERT}, {@code UPDATE}, {@code DELETE},
	 * {@code MERGE}, or a {@code WITH} query (whose body may be any of them).
	 */
	public static boolean writesRows(String sql) {
		return switch (Tokens.read(sql).at(0)) {
			case "INSERT", "UPDATE", "DELETE", "MERGE", "WITH" -> true;
			default -> false;
		};
	}

	/**
	 * Whether a statement is a query ({@code SELECT}, {@code WITH}, {@code VALUES},
	 * {@code TABLE}): one that returns rows and that PostgreSQL runs inside a transaction
	 * as it runs outside one.
	 */
	public static boolean isQuery(String sql) {
		return switch (Tokens.read(sql).at(0)) {
			case "SELECT", "WITH", "VALUES", "TABLE", "(" -> true;
			default -> false;
		};
	}

	private static boolean containsIgnoringCase(String text, String word) {
		for (int i = text.length() - word.length(); i >= 0; i--) {
			if (text.regionMatches(true, i, word, 0, word.length())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String transactionControl(Tokens t) {
		return switch (t.at(0)) {
			case "BEGIN", "END", "ABORT", "SAVEPOINT" -> t.at(0);
			case "START" -> t.has(1, "TRANSACTION") ? "START TRANSACTION" : null;
			case "COMMIT" -> t.has(1, "PREPARED") ? "COMMIT PREPARED" : "COMMIT";
			case "ROLLBACK" ->
				t.has(1, "PREPARED") ? "ROLLBACK PREPARED" : t.has(1, "TO") ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK";
			case "RELEASE" -> "RELEASE SAVEPOINT";
			// PREPARE TRANSACTION 'id', not PREPARE transaction [(types)] AS ...
			case "PREPARE" ->
				(t.has(1, "TRANSACTION") && !t.has(2, "AS") && !t.has(2, "(")) ? "PREPARE TRANSACTION" : null;
			default -> null;
		};
	}

	private static @Nullable String notInTransaction(Tokens t) {
		String object = t.at(1);
		return switch (t.at(0)) {
			case "VACUUM" -> "VACUUM";
			case "DISCARD" -> t.has(1, "ALL") ? "DISCARD ALL" : null;
			case "CREATE" -> (t.has(1, "INDEX", "CONCURRENTLY") || t.has(1, "UNIQUE", "INDEX", "CONCURRENTLY"))
					? "CREATE INDEX CONCURRENTLY" : global("CREATE", object);
			case "DROP" -> t.has(1, "INDEX", "CONCURRENTLY") ? "DROP INDEX CONCURRENTLY" : global("DROP", object);
			case "ALTER" -> switch (object) {
				case "SYSTEM" -> "ALTER SYSTEM";
				case "DATABASE" -> t.has(3, "SET", "TABLESPACE") ? "ALTER DATABASE SET TABLESPACE" : null;
				case "SUBSCRIPTION" -> (t.at(3).matches("REFRESH|SET|ADD|DROP") && t.has(4, "PUBLICATION"))
						? "ALTER SUBSCRIPTION " + t.at(3) + " PUBLICATION" : null;
				case "TABLE" -> detachConcurrently(t) ? "ALTER TABLE DETACH PARTITION CONCURRENTLY" : null;
				default -> null;
			};
			case "REINDEX" -> reindex(t);
			case "CLUSTER" -> {
				int end = t.has(1, "(") ? t.afterParentheses(1) : t.has(1, "VERBOSE") ? 2 : 1;
				yield t.has(end, END) ? "CLUSTER" : null;
			}
			default -> null;
		};
	}

	private static @Nullable String global(String verb, String object) {
		return switch (object) {
			case "DATABASE", "TABLESPACE", "SUBSCRIPTION" -> verb + " " + object;
			default -> null;
		};
	}

	private static @Nullable String reindex(Tokens t) {
		int target = t.has(1, "(") ? t.afterParentheses(1) : 1;
		boolean option = false;
		for (int i = 2; i < target; i++) {
			option |= t.has(i, "CONCURRENTLY") && !t.at(i + 1).matches("FALSE|OFF|0");
		}
		return switch (t.at(target)) {
			case "SCHEMA", "DATABASE", "SYSTEM" -> "REINDEX " + t.at(target);
			case "INDEX", "TABLE" -> (option || t.has(target + 1, "CONCURRENTLY")) ? "REINDEX CONCURRENTLY" : null;
			default -> null;
		};
	}

	/** {@code ALTER TABLE ... DETACH PARTITION name[.name] CONCURRENTLY}. */
	private static boolean detachConcurrently(Tokens t) {
		for (int i = 2; !t.at(i).isEmpty(); i++) {
			if (t.has(i, "DETACH", "PARTITION")) {
				int after = i + 3;
				while (t.has(after, ".")) {
					after += 2;
				}
				return t.has(after, "CONCURRENTLY");
			}
		}
		return false;
	}

	/**
	 * What PostgreSQL does not allow a statement to do inside a transaction block.
	 *
	 * @param kind why
	 * @param what a short phrase naming the statement, such as
	 * {@code CREATE INDEX CONCURRENTLY}
	 * @param position the 1-based position of the statement's first keyword in its text,
	 * after leading comments and whitespace, for {@link SqlStatement#lineOf(int)}
	 */
	public record Refusal(Kind kind, String what, int position) {

	}

	/** Why a statement cannot run in the transaction of a revision. */
	public enum Kind {

		/** PostgreSQL refuses to run it inside a transaction block. */
		NOT_IN_TRANSACTION,

		/** It begins, ends or divides a transaction itself. */
		TRANSACTION_CONTROL

	}

	/**
	 * The first tokens of a statement: keywords upper-cased, {@code "} for a quoted
	 * identifier, {@code ( ) , .} as themselves and {@link #END} for the end of the text.
	 * Reading stops at anything else (a string, a {@code $}, an operator). Tokens are
	 * read as they are asked for, so telling {@code CREATE TABLE} from
	 * {@code CREATE INDEX CONCURRENTLY} reads three, not {@value #MAX_TOKENS}: every
	 * statement of every run is classified.
	 */
	private static final class Tokens {

		private final String sql;

		private final List<String> tokens = new ArrayList<>();

		/** Where reading goes on. */
		private int offset;

		private boolean finished;

		/** The 0-based offset of the first token. */
		private int start;

		private Tokens(String sql) {
			this.sql = sql;
		}

		static Tokens read(String sql) {
			return new Tokens(sql);
		}

		/** The 0-based offset of the first token in the statement's text. */
		int start() {
			at(0);
			return this.start;
		}

		private void readOne() {
			if (this.tokens.size() >= MAX_TOKENS) {
				this.finished = true;
				return;
			}
			try {
				int i = skipBlank(this.sql, this.offset);
				if (i >= this.sql.length()) {
					this.tokens.add(END);
					this.finished = true;
					return;
				}
				char c = this.sql.charAt(i);
				int end = (SqlLexing.isIdentifierStart(c) || (c >= '0' && c <= '9')) ? SqlLexing.endOfWord(this.sql, i)
						: (c == '"') ? SqlLexing.endOfQuoted(this.sql, i, '"', UNTERMINATED)
								: ("(),.".indexOf(c) >= 0) ? i + 1 : -1;
				if (end < 0) {
					this.finished = true;
					return;
				}
				this.tokens.add((c == '"') ? "\"" : this.sql.substring(i, end).toUpperCase(Locale.ROOT));
				this.start = (this.tokens.size() == 1) ? i : this.start;
				this.offset = end;
			}
			catch (ScriptException ex) {
				// an unclosed comment or identifier: classify by the tokens before it
				this.finished = true;
			}
		}

		private static int skipBlank(String sql, int from) {
			int i = from;
			while (i < sql.length()) {
				if (SqlLexing.isWhitespace(sql.charAt(i))) {
					i++;
				}
				else if (sql.startsWith("--", i)) {
					int newline = sql.indexOf('\n', i);
					i = (newline >= 0) ? newline : sql.length();
				}
				else if (sql.startsWith("/*", i)) {
					i = SqlLexing.endOfBlockComment(sql, i, UNTERMINATED);
				}
				else {
					break;
				}
			}
			return i;
		}

		String at(int index) {
			while (index >= this.tokens.size() && !this.finished) {
				readOne();
			}
			return (index >= 0 && index < this.tokens.size()) ? this.tokens.get(index) : "";
		}

		boolean has(int from, String... words) {
			for (int i = 0; i < words.length; i++) {
				if (!at(from + i).equals(words[i])) {
					return false;
				}
			}
			return true;
		}

		/** The index after the {@code )} that closes the {@code (} at {@code open}. */
		int afterParentheses(int open) {
			int i = open + 1;
			while (!at(i).equals(")") && !at(i).isEmpty() && !at(i).equals(END)) {
				i++;
			}
			return at(i).equals(")") ? i + 1 : -1;
		}

	}

}
