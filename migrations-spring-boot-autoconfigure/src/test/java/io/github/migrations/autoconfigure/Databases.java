package io.github.migrations.autoconfigure;

import io.github.migrations.test.database.TestDatabase;

/**
 * Spring properties for a test database.
 */
final class Databases {

	private Databases() {
	}

	static String[] properties(TestDatabase.Database database) {
		return new String[] { "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password() };
	}

}
