package io.github.migrations.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ApplicationListener;

/**
 * Prints one line when the application is ready, for the harness to read: <pre>
 * BENCH startup ready_at_us=… jvm_to_ready_us=… migrations_us=… first_query_us=… tables=…
 * </pre>
 * <ul>
 * <li>{@code ready_at_us}: when this event came, in microseconds since the epoch; the
 * harness subtracts the instant it started the process.</li>
 * <li>{@code jvm_to_ready_us}: from the JVM's start time
 * ({@code RuntimeMXBean.getStartTime()}, milliseconds) to this event.</li>
 * <li>{@code migrations_us}: the time spent creating and initializing the migration
 * tool's beans ({@link #MIGRATION_BEANS}: ours, Boot's Flyway, Boot's Liquibase), not
 * counting the beans they depend on (such as the {@code DataSource}), but counting the
 * pool's first connection, which the tool opens.</li>
 * <li>{@code first_query_us}: the same for the application's {@link FirstQuery}.</li>
 * </ul>
 * With {@code -Dbench.beans=true} it also prints every bean that took 5 ms or more, the
 * slowest first, for finding where a start spends its time.
 */
final class ReadyReport implements ApplicationListener<ApplicationReadyEvent> {

	/**
	 * The beans in which each tool does its work at startup: our {@code Migrator} and
	 * {@code MigrationsInitializer}; Boot's {@code Flyway} and
	 * {@code FlywayMigrationInitializer}; Boot's {@code SpringLiquibase}.
	 */
	static final Set<String> MIGRATION_BEANS = Set.of("migrator", "migrationsInitializer", "flyway",
			"flywayInitializer", "liquibase");

	private final BufferingApplicationStartup startup;

	ReadyReport(BufferingApplicationStartup startup) {
		this.startup = startup;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Instant ready = Instant.now();
		Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		Map<String, Long> exclusive = exclusiveBeanTimes(this.startup.getBufferedTimeline().getEvents());
		long migrations = MIGRATION_BEANS.stream().mapToLong((name) -> exclusive.getOrDefault(name, 0L)).sum();
		long tables = event.getApplicationContext().getBean(FirstQuery.class).tables();
		System.out.println("BENCH startup ready_at_us=" + micros(Instant.EPOCH, ready) + " jvm_to_ready_us="
				+ micros(jvmStart, ready) + " migrations_us=" + migrations + " first_query_us="
				+ exclusive.getOrDefault("firstQuery", 0L) + " tables=" + tables);
		if (Boolean.getBoolean("bench.beans")) {
			stepTotals(this.startup.getBufferedTimeline().getEvents()).forEach(
					(step, micros) -> System.out.println("BENCH step %8.1f ms %s".formatted(micros / 1000.0, step)));
			exclusive.entrySet()
				.stream()
				.filter((bean) -> bean.getValue() >= 5_000)
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach((bean) -> System.out
					.println("BENCH bean %8.1f ms %s".formatted(bean.getValue() / 1000.0, bean.getKey())));
		}
	}

	/**
	 * Each bean's creation time less the time spent creating the beans it needed
	 * (Spring's {@code spring.beans.instantiate} steps, nested by parent id), in
	 * microseconds.
	 */
	private static Map<String, Long> exclusiveBeanTimes(List<TimelineEvent> events) {
		Map<Long, TimelineEvent> steps = new HashMap<>();
		Map<Long, Long> childTime = new HashMap<>();
		for (TimelineEvent event : events) {
			if (event.getStartupStep().getName().equals("spring.beans.instantiate")) {
				steps.put(event.getStartupStep().getId(), event);
			}
		}
		for (TimelineEvent event : steps.values()) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null && steps.containsKey(parent)) {
				childTime.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		Map<String, Long> exclusive = new HashMap<>();
		for (TimelineEvent event : steps.values()) {
			String name = beanName(event);
			if (name != null) {
				long nanos = event.getDuration().toNanos() - childTime.getOrDefault(event.getStartupStep().getId(), 0L);
				exclusive.merge(name, nanos / 1000, Long::sum);
			}
		}
		return exclusive;
	}

	/**
	 * The time of each kind of startup step, less the steps nested in it, summed.
	 */
	private static Map<String, Long> stepTotals(List<TimelineEvent> events) {
		Map<Long, Long> childTime = new HashMap<>();
		Map<Long, TimelineEvent> byId = new HashMap<>();
		events.forEach((event) -> byId.put(event.getStartupStep().getId(), event));
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null && byId.containsKey(parent)) {
				childTime.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		Map<String, Long> totals = new java.util.TreeMap<>();
		for (TimelineEvent event : events) {
			long nanos = event.getDuration().toNanos() - childTime.getOrDefault(event.getStartupStep().getId(), 0L);
			totals.merge(event.getStartupStep().getName(), nanos / 1000, Long::sum);
		}
		return totals;
	}

	private static String beanName(TimelineEvent event) {
		for (var tag : event.getStartupStep().getTags()) {
			if (tag.getKey().equals("beanName")) {
				return tag.getValue();
			}
		}
		return null;
	}

	private static long micros(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1000;
	}

}
