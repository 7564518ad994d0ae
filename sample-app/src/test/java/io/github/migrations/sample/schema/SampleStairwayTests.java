package io.github.migrations.sample.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.migrations.test.StairwayTests;

/**
 * Every sample revision upgrades, downgrades to exactly the schema before it, and
 * upgrades again, with rows in the tables of the revisions below it; and base → head →
 * base → head.
 */
class SampleStairwayTests extends StairwayTests {

	@Override
	protected void beforeUpgrading(String revision, Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			switch (revision) {
				case "0004" -> {
					statement.execute(
							"""
									INSERT INTO analyses (user_id, file_name, detected_salary, confidence) VALUES ('stairway', 'statement.pdf', 4200, 'high')""");
					statement.execute(
							"""
									INSERT INTO meetings (tenant_id, title, organizer_email, starts_at) VALUES ('acme', 'Stairway review', 'ops@example.com', now())""");
				}
				case "0006" -> statement.execute("""
						INSERT INTO invoices (tenant_id, gmail_message_id, vendor_name, amount, status)
						VALUES ('acme', 'stairway-1', 'Initech', 10, 'pending')""");
				default -> {
				}
			}
		}
	}

}
