package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of a partition's bounds, read from the key and the bound as the server prints
 * them; whether the server then skips the scan is proved in
 * {@link PendingValidationTests}.
 */
class PartitionBoundCheckTests {

	@Test
	void aRangeGivesTheKeyNotNullAndItsOpenSidesLeftOut() {
		assertThat(PartitionBoundCheck.expression("RANGE (at)", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"))
			.isEqualTo("at IS NOT NULL AND at >= '2026-01-01' AND at < '2027-01-01'");
		assertThat(PartitionBoundCheck.expression("RANGE (n)", "FOR VALUES FROM (MINVALUE) TO ('-5')"))
			.isEqualTo("n IS NOT NULL AND n < '-5'");
		assertThat(PartitionBoundCheck.expression("RANGE (n)", "FOR VALUES FROM (10) TO (MAXVALUE)"))
			.isEqualTo("n IS NOT NULL AND n >= 10");
	}

	@Test
	void aListAdmitsNullOnlyWhenItNamesIt() {
		assertThat(PartitionBoundCheck.expression("LIST (\"Region\")", "FOR VALUES IN ('fr', 'it''s, too')"))
			.isEqualTo("\"Region\" IS NOT NULL AND \"Region\" IN ('fr', 'it''s, too')");
		assertThat(PartitionBoundCheck.expression("LIST (r)", "FOR VALUES IN ('fr', NULL)"))
			.isEqualTo("r IS NULL OR r IN ('fr')");
		assertThat(PartitionBoundCheck.expression("LIST (r)", "FOR VALUES IN (NULL)")).isEqualTo("r IS NULL");
	}

	@Test
	void hashDefaultSeveralColumnsAndExpressionsHaveNone() {
		assertThat(PartitionBoundCheck.expression("HASH (id)", "FOR VALUES WITH (modulus 2, remainder 0)")).isNull();
		assertThat(PartitionBoundCheck.expression("LIST (r)", "DEFAULT")).isNull();
		assertThat(PartitionBoundCheck.expression("RANGE (a, b)", "FOR VALUES FROM (1, 2) TO (3, 4)")).isNull();
		assertThat(PartitionBoundCheck.expression("RANGE (lower(a))", "FOR VALUES FROM ('a') TO ('b')")).isNull();
		assertThat(PartitionBoundCheck.expression("RANGE (a COLLATE \"C\")", "FOR VALUES FROM ('a') TO ('b')"))
			.isNull();
	}

}
