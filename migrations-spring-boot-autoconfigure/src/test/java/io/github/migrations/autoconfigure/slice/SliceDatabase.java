package io.github.migrations.autoconfigure.slice;

import io.github.migrations.test.database.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database for a test slice, named by {@code spring.datasource.*} as an
 * application's would be.
 */
public final class SliceDatabase {

	private SliceDatabase() {
	}

	public static TestDatabase.Database register(DynamicPropertyRegistry registry) {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		return database;
	}

}
