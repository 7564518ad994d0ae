package io.github.migrations.autoconfigure.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.migrations.autoconfigure.MigrationStatuses;
import io.github.migrations.autoconfigure.MigrationsProperties;
import io.github.migrations.autoconfigure.endpoint.MigrationInspector.Inspection;
import io.github.migrations.core.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code migrations} health: UP when the database is at the target (or ahead of it),
 * DOWN with the reason when something is pending or validation fails, UNKNOWN when
 * {@code app.migrations.mode} is {@code none}. With several {@link Migrator} beans, the
 * details are keyed by bean name and the worst status wins. What it reads is cached for
 * {@code app.migrations.status-cache-time-to-live}.
 */
final class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final MigrationStatuses statuses;

	private final MigrationInspector inspector;

	MigrationsHealthIndicator(MigrationStatuses statuses, MigrationsProperties properties) {
		super("Migrations health check failed");
		this.statuses = statuses;
		this.inspector = new MigrationInspector(properties);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Status worst = Status.UNKNOWN;
		Map<String, Map<String, Object>> perMigrator = new LinkedHashMap<>();
		for (String name : this.statuses.migratorNames()) {
			Inspection inspection = this.inspector.inspect(this.statuses.read(name));
			worst = worse(worst, status(inspection.state()));
			perMigrator.put(name, details(inspection));
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
		if (inspection.current() != null) {
			details.put("current", inspection.current());
		}
		if (inspection.pending() != null) {
			details.put("pending", inspection.pending());
		}
		String reason = reason(inspection);
		if (reason != null) {
			details.put("reason", reason);
		}
		return details;
	}

	private static @Nullable String reason(Inspection inspection) {
		return switch (inspection.state()) {
			case FAILED, MIGRATING -> inspection.error();
			case PENDING -> pendingReason(inspection.target(), Objects.requireNonNull(inspection.pending()));
			default -> null;
		};
	}

	private static String pendingReason(String target, List<String> pending) {
		return "%d revision%s pending up to target '%s': %s".formatted(pending.size(),
				(pending.size() == 1) ? " is" : "s are", target, pending);
	}

	private static Status status(MigrationState state) {
		return switch (state) {
			case UP_TO_DATE, AHEAD -> Status.UP;
			case PENDING, MIGRATING, FAILED -> Status.DOWN;
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
