package io.github.migrations.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.api.UnknownRevisionPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsPropertiesTests {

	@Test
	void defaultsAreTheEngineDefaults() {
		assertThat(new MigrationsProperties().toSettings()).isEqualTo(MigratorSettings.defaults());
	}

	@Test
	void defaultsStartByUpgradingToHead() {
		MigrationsProperties properties = new MigrationsProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getMode()).isEqualTo(MigrationsProperties.Mode.UPGRADE);
		assertThat(properties.getTarget()).isEqualTo("head");
	}

	@Test
	void everyKebabCaseKeyMapsOntoTheSettings() {
		MigrationsProperties properties = bind(Map.ofEntries(Map.entry("app.migrations.locations[0]", "classpath:a"),
				Map.entry("app.migrations.locations[1]", "filesystem:/b"), Map.entry("app.migrations.schema", "app"),
				Map.entry("app.migrations.create-schemas", "false"),
				Map.entry("app.migrations.table-prefix", "schema_"),
				Map.entry("app.migrations.transaction-mode", "all"),
				Map.entry("app.migrations.lock-wait-timeout", "10s"), Map.entry("app.migrations.lock-timeout", "2s"),
				Map.entry("app.migrations.statement-timeout", "5m"),
				Map.entry("app.migrations.validate-checksums", "false"),
				Map.entry("app.migrations.unknown-revisions", "fail"),
				Map.entry("app.migrations.placeholders.owner", "app_owner"),
				Map.entry("app.migrations.baseline", "001"), Map.entry("app.migrations.lock-retries", "2"),
				Map.entry("app.migrations.adopt-alembic-version", "true"),
				Map.entry("app.migrations.alembic-version-table", "audit.versions"),
				Map.entry("app.migrations.mode", "validate"), Map.entry("app.migrations.target", "heads")));
		assertThat(properties.toSettings())
			.isEqualTo(new MigratorSettings(List.of("classpath:a", "filesystem:/b"), "app", false, "schema_",
					TransactionMode.ALL, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMinutes(5), false,
					UnknownRevisionPolicy.FAIL, Map.of("owner", "app_owner"), "001", 2, true, "audit.versions"));
		assertThat(properties.getMode()).isEqualTo(MigrationsProperties.Mode.VALIDATE);
		assertThat(properties.getTarget()).isEqualTo("heads");
	}

	@Test
	void transactionModeBindsItsKebabCaseName() {
		assertThat(bind(Map.of("app.migrations.transaction-mode", "per-revision")).getTransactionMode())
			.isEqualTo(TransactionMode.PER_REVISION);
	}

	private static MigrationsProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bind("app.migrations", MigrationsProperties.class)
			.get();
	}

}
