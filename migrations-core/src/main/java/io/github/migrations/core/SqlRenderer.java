package io.github.migrations.core;

import java.util.List;

import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.run.Placeholders;
import io.github.migrations.core.script.JavaScript;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.SqlStatement;

/**
 * Renders a plan as one SQL script for review or for {@code psql}, version-store
 * statements included, with the same transaction boundaries a real run uses.
 */
final class SqlRenderer {

	private final VersionStore store;

	private final MigratorSettings settings;

	private final Placeholders placeholders;

	SqlRenderer(VersionStore store, MigratorSettings settings) {
		this.store = store;
		this.settings = settings;
		this.placeholders = new Placeholders(settings.placeholders());
	}

	String render(MigrationPlan plan) {
		StringBuilder sql = new StringBuilder();
		sql.append("-- ").append(plan.toString().lines().findFirst().orElse("")).append('\n');
		sql.append("-- Rendered by migrations; run with: psql -v ON_ERROR_STOP=1 -f <file>\n\n");
		if (this.settings.schema() != null) {
			sql.append("SET search_path TO \"").append(this.settings.schema()).append("\", public;\n\n");
		}
		sql.append(this.store.ensureSql()).append('\n');
		boolean all = this.settings.transactionMode() == TransactionMode.ALL;
		if (all) {
			sql.append("BEGIN;\n\n");
		}
		for (MigrationStep step : plan.steps()) {
			renderStep(sql, step, !all && step.script().transactional());
		}
		if (all) {
			sql.append("COMMIT;\n");
		}
		return sql.toString();
	}

	private void renderStep(StringBuilder sql, MigrationStep step, boolean ownTransaction) {
		String message = step.revision().message();
		sql.append("-- ")
			.append(step.direction() == Direction.UPGRADE ? "Upgrade " : "Downgrade ")
			.append(step.revision().id())
			.append((message != null) ? ": " + message : "")
			.append(" (")
			.append(step.script().source())
			.append(")\n");
		if (ownTransaction) {
			sql.append("BEGIN;\n");
		}
		if (step.script() instanceof SqlScript script) {
			List<SqlStatement> statements = (step.direction() == Direction.UPGRADE) ? script.upgrade()
					: script.downgrade();
			if (script.lockTimeout() != null) {
				sql.append(ownTransaction ? "SET LOCAL" : "SET")
					.append(" lock_timeout = '")
					.append(script.lockTimeout())
					.append("';\n");
			}
			if (script.statementTimeout() != null) {
				sql.append(ownTransaction ? "SET LOCAL" : "SET")
					.append(" statement_timeout = '")
					.append(script.statementTimeout())
					.append("';\n");
			}
			for (SqlStatement statement : (statements != null) ? statements : List.<SqlStatement>of()) {
				sql.append(this.placeholders.apply(statement, script.source())).append(";\n");
			}
		}
		else if (step.script() instanceof JavaScript) {
			sql.append("-- Java revision ")
				.append(step.script().source())
				.append(": its work cannot be rendered as SQL; run it with the migrator.\n");
		}
		sql.append(this.store.recordSql(step.script(), step.direction())).append('\n');
		if (ownTransaction) {
			sql.append("COMMIT;\n");
		}
		sql.append('\n');
	}

}
