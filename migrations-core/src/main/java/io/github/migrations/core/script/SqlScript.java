package io.github.migrations.core.script;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.revision.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A parsed revision file. Its sections are split into statements when first asked for, so
 * that a run with nothing to apply only reads headers and checksums; a problem in a
 * section (an unterminated quote) is still found before any statement of the run is sent.
 */
public final class SqlScript implements Script {

	private final Revision revision;

	private final String source;

	private final Section upgrade;

	private final @Nullable Section downgrade;

	private final String checksum;

	private final boolean transactional;

	private final @Nullable String lockTimeout;

	private final @Nullable String statementTimeout;

	/**
	 * A script whose statements are already split.
	 * @param downgrade the statements of the {@code -- +downgrade} section, or
	 * {@code null} when the file has no such section (the revision cannot be downgraded)
	 */
	public SqlScript(Revision revision, String source, List<SqlStatement> upgrade,
			@Nullable List<SqlStatement> downgrade, String checksum, boolean transactional,
			@Nullable String lockTimeout, @Nullable String statementTimeout) {
		this(revision, source, () -> upgrade, (downgrade != null) ? () -> downgrade : null, checksum, transactional,
				lockTimeout, statementTimeout);
	}

	SqlScript(Revision revision, String source, Supplier<List<SqlStatement>> upgrade,
			@Nullable Supplier<List<SqlStatement>> downgrade, String checksum, boolean transactional,
			@Nullable String lockTimeout, @Nullable String statementTimeout) {
		this.revision = revision;
		this.source = source;
		this.upgrade = new Section(upgrade);
		this.downgrade = (downgrade != null) ? new Section(downgrade) : null;
		this.checksum = checksum;
		this.transactional = transactional;
		this.lockTimeout = lockTimeout;
		this.statementTimeout = statementTimeout;
	}

	@Override
	public Revision revision() {
		return this.revision;
	}

	/**
	 * The file, relative to its location (for example {@code db/revisions/a1_init.sql}).
	 */
	@Override
	public String source() {
		return this.source;
	}

	/**
	 * The statements of the {@code -- +upgrade} section.
	 * @throws ScriptException when the section cannot be split (an unterminated quote or
	 * body)
	 */
	public List<SqlStatement> upgrade() {
		return this.upgrade.statements();
	}

	/**
	 * The statements of the {@code -- +downgrade} section, or {@code null} when the file
	 * has none.
	 * @throws ScriptException when the section cannot be split
	 */
	public @Nullable List<SqlStatement> downgrade() {
		return (this.downgrade != null) ? this.downgrade.statements() : null;
	}

	/**
	 * The statements that run in a direction; none for a downgrade of a file without a
	 * {@code -- +downgrade} section (refused before anything runs).
	 */
	public List<SqlStatement> statements(Direction direction) {
		List<SqlStatement> statements = (direction == Direction.UPGRADE) ? upgrade() : downgrade();
		return (statements != null) ? statements : List.of();
	}

	/**
	 * Whether the file has a {@code -- +downgrade} section (possibly empty).
	 */
	public boolean hasDowngrade() {
		return this.downgrade != null;
	}

	/**
	 * SHA-256 (hex) of the normalised file.
	 */
	@Override
	public String checksum() {
		return this.checksum;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * The header's {@code lock_timeout}, as PostgreSQL spells it, or {@code null}.
	 */
	public @Nullable String lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * The header's {@code statement_timeout}, or {@code null}.
	 */
	public @Nullable String statementTimeout() {
		return this.statementTimeout;
	}

	@Override
	public String toString() {
		return "SqlScript[" + this.revision.id() + ", " + this.source + "]";
	}

	/**
	 * A section split once, on first use.
	 */
	private static final class Section {

		private @Nullable Supplier<List<SqlStatement>> splitter;

		private @Nullable List<SqlStatement> statements;

		Section(Supplier<List<SqlStatement>> splitter) {
			this.splitter = splitter;
		}

		synchronized List<SqlStatement> statements() {
			if (this.statements == null) {
				this.statements = List.copyOf(Objects.requireNonNull(this.splitter).get());
				this.splitter = null;
			}
			return this.statements;
		}

	}

}
