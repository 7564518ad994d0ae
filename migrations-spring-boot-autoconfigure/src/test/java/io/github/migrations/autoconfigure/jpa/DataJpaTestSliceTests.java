package io.github.migrations.autoconfigure.jpa;

import io.github.migrations.autoconfigure.slice.SliceDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} on a real PostgreSQL with Hibernate validating the schema, as the
 * issue found it failing with "Schema validation: missing table [customers]".
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJpaTestSliceTests {

	@Autowired
	private CustomerRepository customers;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry);
	}

	@Test
	void dataJpaTestRunsMigrationsBeforeSchemaValidation() {
		assertThat(this.customers.findAll(Sort.by("id"))).extracting(Customer::getName).containsExactly("Ada", "Grace");
	}

}
