package io.github.migrations.core.lint;

import java.util.List;

import io.github.migrations.core.script.SqlStatement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an interrupted statement of a {@code transactional: false} revision leaves, read
 * from the statement alone.
 */
class LeftoversTests {

	private static String of(String sql) {
		Leftovers.Leftover leftover = Leftovers.of("db/r.sql", new SqlStatement(sql, 7));
		return (leftover != null) ? leftover.description() : null;
	}

	@Test
	void aCreateIndexConcurrentlyLeavesItsIndexInvalidWithTheStatementsThatUndoOrFinishIt() {
		assertThat(of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status)"))
			.startsWith("db/r.sql:7: a CREATE INDEX CONCURRENTLY that stops halfway leaves index orders_status_idx "
					+ "INVALID; to undo it, run DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx; to finish it, "
					+ "REINDEX INDEX CONCURRENTLY orders_status_idx (");
	}

	@Test
	void aQuotedOrQualifiedIndexIsWrittenSoThatPostgresqlReadsItBack() {
		assertThat(of("CREATE INDEX CONCURRENTLY \"Orders Idx\" ON \"Orders\" (id)"))
			.contains("DROP INDEX CONCURRENTLY IF EXISTS \"Orders Idx\";");
		assertThat(Leftovers.of("db/r.sql", new SqlStatement("CREATE INDEX CONCURRENTLY \"Orders Idx\" ON t (id)", 7)))
			.extracting(Leftovers.Leftover::index)
			.isEqualTo("\"Orders Idx\"");
		assertThat(of("CREATE INDEX CONCURRENTLY billing.orders_idx ON billing.orders (id)"))
			.contains("DROP INDEX CONCURRENTLY IF EXISTS billing.orders_idx;");
	}

	@Test
	void anUnnamedIndexIsToldByItsTable() {
		assertThat(of("CREATE INDEX CONCURRENTLY ON orders (status)"))
			.contains("leaves its index on orders INVALID (named by the server)");
	}

	@Test
	void aReindexConcurrentlyLeavesCopiesNamedCcnew() {
		assertThat(of("REINDEX INDEX CONCURRENTLY orders_status_idx"))
			.contains("leaves INVALID copies of index orders_status_idx, named <index>_ccnew (or _ccold)");
		assertThat(of("REINDEX TABLE CONCURRENTLY orders")).contains("INVALID copies of the indexes of orders");
	}

	@Test
	void statementsThatLeaveNothingAreLeftOut() {
		assertThat(of("CREATE INDEX orders_status_idx ON orders (status)")).isNull();
		assertThat(of("DROP INDEX CONCURRENTLY orders_status_idx")).isNull();
		assertThat(Leftovers.of("db/r.sql",
				List.of(new SqlStatement("UPDATE orders SET status = 'x' WHERE id = 1", 5),
						new SqlStatement("CREATE INDEX CONCURRENTLY a_idx ON orders (id)", 6))))
			.singleElement()
			.asString()
			.startsWith("db/r.sql:6: ");
	}

}
