package io.github.migrations.autoconfigure.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.migrations.autoconfigure.MigrationsProperties;
import io.github.migrations.autoconfigure.endpoint.MigrationInspector.Inspection;
import io.github.migrations.core.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;

/**
 * The {@code migrations} health: UP when the database is at the target (or ahead of it),
 * DOWN with the reason when something is pending or validation fails, UNKNOWN when
 * {@code app.migrations.mode} is {@code none}. With several {@link Migrator} beans, the
 * details are keyed by bean name and the worst status wins.
 */
final class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final ApplicationContext context;

	private final MigrationInspector inspector;

	MigrationsHealthIndicator(ApplicationContext context, MigrationsProperties properties) {
		super("Migrations health check failed");
		this.context = context;
		this.inspector = new MigrationInspector(properties);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Migrator> migrators = new TreeMap<>(
				BeanFactoryUtils.beansOfTypeIncludingAncestors(this.context, Migrator.class));
		Status worst = Status.UNKNOWN;
		Map<String, Map<String, Object>> perMigrator = new LinkedHashMap<>();
		for (Map.Entry<String, Migrator> entry : migrators.entrySet()) {
			Inspection inspection = this.inspector.inspect(entry.getValue());
			worst = worse(worst, status(inspection.state()));
			perMigrator.put(entry.getKey(), details(inspection));
		}
		builder.status(worst);
		if (perMigrator.size() == 1) {
			builder.withDetails(perMigrator.values().iterator().next());
		}
		else {
			builder.withDetails(new LinkedHashMap<>(perMigrator));
		}
	}

	private static Map<String, Object> details(Inspection inspection) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", inspection.state());
		details.put("target", inspection.target());
		details.put("current", inspection.current());
		details.put("pending", inspection.pending());
		String reason = reason(inspection);
		if (reason != null) {
			details.put("reason", reason);
		}
		return details;
	}

	private static @Nullable String reason(Inspection inspection) {
		return switch (inspection.state()) {
			case FAILED -> inspection.error();
			case PENDING -> "%d revision%s pending up to target '%s': %s".formatted(inspection.pending().size(),
					(inspection.pending().size() == 1) ? " is" : "s are", inspection.target(), inspection.pending());
			default -> null;
		};
	}

	private static Status status(MigrationState state) {
		return switch (state) {
			case UP_TO_DATE, AHEAD -> Status.UP;
			case PENDING, FAILED -> Status.DOWN;
			case DISABLED -> Status.UNKNOWN;
		};
	}

	private static Status worse(Status current, Status candidate) {
		if (current == Status.DOWN || candidate == Status.DOWN) {
			return Status.DOWN;
		}
		return (current == Status.UP || candidate == Status.UP) ? Status.UP : Status.UNKNOWN;
	}

}
