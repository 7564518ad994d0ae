package io.github.migrations.autoconfigure;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.github.migrations.autoconfigure.MigrationStatuses.Reading;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one reading of a {@link Migrator}'s database costs and finds.
 */
class MigrationStatusesTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void aDatabaseThatRefusesConnectionsIsTriedOncePerReading() {
		CountingDataSource dataSource = new CountingDataSource(this.database.dataSource());
		Migrator migrator = Migrator.builder(dataSource).build();
		migrator.upgrade(Target.head());
		TestDatabase.shared()
			.freshDatabase()
			.execute("ALTER DATABASE " + this.database.name() + " ALLOW_CONNECTIONS false");
		dataSource.connections.set(0);
		Reading reading = Reading.of(migrator, "head");
		assertThat(reading.status()).isNull();
		assertThat(reading.current()).isNull();
		assertThat(reading.error()).contains("55000");
		assertThat(dataSource.connections).as("each attempt may wait for a pool's whole connection timeout")
			.hasValue(1);
	}

	@Test
	void aChangedFileFailsTheStatusButStillReadsWhereTheDatabaseStands() {
		Migrator.builder(this.database.dataSource()).build().upgrade(Target.head());
		this.database.execute("UPDATE migrations_revisions SET checksum = 'edited' WHERE revision = '002'");
		Reading reading = Reading.of(Migrator.builder(this.database.dataSource()).build(), "head");
		assertThat(reading.status()).isNull();
		assertThat(reading.error()).contains("'002'");
		assertThat(reading.current()).containsExactly("004");
	}

	/**
	 * A real data source that counts the connections asked of it.
	 */
	private static final class CountingDataSource implements DataSource {

		private final DataSource delegate;

		private final AtomicInteger connections = new AtomicInteger();

		CountingDataSource(DataSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.connections.incrementAndGet();
			return this.delegate.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			this.connections.incrementAndGet();
			return this.delegate.getConnection(username, password);
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.delegate.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.delegate.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.delegate.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.delegate.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.delegate.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return this.delegate.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return this.delegate.isWrapperFor(type);
		}

	}

}
