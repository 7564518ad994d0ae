package io.github.migrations.autoconfigure.slice.jdbc;

import io.github.migrations.autoconfigure.MigrationsInitializer;
import io.github.migrations.autoconfigure.slice.SliceDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcTestSliceTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry);
	}

	@Test
	void jdbcTestRunsMigrationsBeforeTheTestQueriesTheirTables() {
		assertThat(this.jdbc.sql("SELECT name FROM customers ORDER BY id").query(String.class).list())
			.containsExactly("Ada", "Grace");
		assertThat(this.jdbc.sql("SELECT count(*) FROM invoices").query(Long.class).single()).isZero();
	}

	@Test
	void jdbcTestRunsTheMigrationsWithoutTheActuatorParts() {
		assertThat(this.context.getBeanNamesForType(MigrationsInitializer.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(HealthIndicator.class)).isEmpty();
	}

}
