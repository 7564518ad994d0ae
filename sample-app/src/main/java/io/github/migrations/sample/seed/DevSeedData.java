package io.github.migrations.sample.seed;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Inserts development data in the {@code dev} profile once the context has started, which
 * is after the database is migrated. Every row has a fixed key and is inserted with
 * {@code ON CONFLICT DO NOTHING}, so starting again adds nothing and changes nothing.
 */
@Component
@Profile("dev")
final class DevSeedData implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DevSeedData.class);

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	DevSeedData(JdbcClient jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed(LocalDate.now(ZoneOffset.UTC));
	}

	void seed(LocalDate today) {
		this.transactions.executeWithoutResult((transaction) -> {
			new InvoiceSeed(this.jdbc, today).insert();
			new PilotSeed(this.jdbc, today).insert();
		});
		logger.info("Seed data in place: tenant '{}' has {} invoices", InvoiceSeed.TENANT,
				this.jdbc.sql("SELECT count(*) FROM invoices WHERE tenant_id = :tenantId")
					.param("tenantId", InvoiceSeed.TENANT)
					.query(Long.class)
					.single());
	}

}
