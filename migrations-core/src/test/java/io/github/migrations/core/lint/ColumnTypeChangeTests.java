package io.github.migrations.core.lint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The type a column-type-change finding says the column had: the type the catalog holds
 * at that statement, as the revisions before it (and the statements before it) left it.
 */
class ColumnTypeChangeTests {

	private static final String BASE = """
			-- revision: a1
			-- down_revision: base
			-- +upgrade
			CREATE TYPE estado_dian AS ENUM ('pendiente', 'aceptada', 'rechazada');
			CREATE DOMAIN importe AS numeric(12,2);
			CREATE TABLE facturas (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, estado estado_dian,
				historial public.estado_dian[], total importe, numero serial, lote bigserial, linea smallserial);
			""";

	@Test
	void anEnumRebuiltAsAutogenerateWritesItIsChangedFromTheRenamedOldType() {
		List<String> problems = problems("""
				ALTER TYPE public.estado_dian RENAME TO estado_dian_old;
				CREATE TYPE public.estado_dian AS ENUM ('pendiente', 'aceptada');
				ALTER TABLE facturas ALTER COLUMN estado TYPE estado_dian USING estado::text::estado_dian;
				ALTER TABLE facturas ALTER COLUMN historial TYPE estado_dian[] USING historial::text[]::estado_dian[];
				DROP TYPE public.estado_dian_old;
				""");
		assertThat(problems).containsExactly(
				"changes the type of 'facturas.estado' from estado_dian_old to estado_dian with USING",
				"changes the type of 'facturas.historial' from public.estado_dian_old[] to estado_dian[] with USING");
	}

	@Test
	void aRenamedDomainIsTheTypeItsColumnsAreChangedFrom() {
		List<String> problems = problems("""
				ALTER DOMAIN importe RENAME TO importe_anterior;
				ALTER TABLE facturas ALTER COLUMN total TYPE numeric(14,2);
				""");
		assertThat(problems)
			.containsExactly("changes the type of 'facturas.total' from importe_anterior to numeric(14,2)");
	}

	@Test
	void aSerialColumnIsChangedFromTheIntegerTypeItHolds() {
		List<String> problems = problems("""
				ALTER TABLE facturas ALTER COLUMN numero TYPE bigint;
				ALTER TABLE facturas ALTER COLUMN linea TYPE integer;
				ALTER TABLE facturas ALTER COLUMN lote TYPE bigint;
				""");
		assertThat(problems).containsExactly("changes the type of 'facturas.numero' from integer to bigint",
				"changes the type of 'facturas.linea' from smallint to integer");
	}

	@Test
	void aSerialColumnAddedLaterIsAlsoTheIntegerTypeItHolds() {
		List<String> problems = problems("""
				ALTER TABLE facturas ADD COLUMN orden serial4;
				ALTER TABLE facturas ALTER COLUMN orden TYPE bigint;
				""");
		assertThat(problems).containsExactly("changes the type of 'facturas.orden' from integer to bigint");
	}

	@Test
	void anotherNameOfTheTypeTheColumnHasIsNoChangeAndAnotherTypeStillIs() {
		List<String> problems = problems("""
				ALTER TABLE facturas ALTER COLUMN id TYPE int8;
				ALTER TABLE facturas ALTER COLUMN numero TYPE int4;
				ALTER TABLE facturas ALTER COLUMN linea TYPE int2;
				ALTER TABLE facturas ADD COLUMN pagada bool, ADD COLUMN emitida timestamptz, ADD COLUMN tasa float8;
				ALTER TABLE facturas ALTER COLUMN pagada TYPE boolean, ALTER COLUMN tasa TYPE double precision,
					ALTER COLUMN emitida TYPE timestamp with time zone;
				ALTER TABLE facturas ALTER COLUMN numero TYPE int8;
				ALTER TABLE facturas ALTER COLUMN tasa TYPE float4;
				""");
		assertThat(problems).containsExactly("changes the type of 'facturas.numero' from int4 to int8",
				"changes the type of 'facturas.tasa' from double precision to float4");
	}

	/**
	 * The problems of the column-type-change findings of a revision after the base one,
	 * in its own release.
	 */
	private static List<String> problems(String upgrade) {
		List<LintFile> files = List.of(file("a1", BASE),
				file("a2", "-- revision: a2\n-- down_revision: a1\n-- lock_timeout: 2s\n-- +upgrade\n" + upgrade));
		return Linter.forFiles()
			.lint(files, Set.of("a2"), Set.of())
			.findings()
			.stream()
			.filter((finding) -> finding.rule() == Rule.COLUMN_TYPE_CHANGE)
			.map(Finding::problem)
			.toList();
	}

	private static LintFile file(String id, String text) {
		return LintFile.of("db/revisions/" + id + "_change.sql", text.getBytes(StandardCharsets.UTF_8));
	}

}
