package io.github.migrations.autoconfigure.slice.datajdbc;

import io.github.migrations.autoconfigure.slice.SliceDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJdbcTestSliceTests {

	@Autowired
	private CustomerRepository customers;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry);
	}

	@Test
	void dataJdbcTestRunsMigrationsBeforeTheRepositoryReadsTheirRows() {
		assertThat(this.customers.findAllByOrderByIdAsc()).extracting(Customer::name).containsExactly("Ada", "Grace");
	}

}
