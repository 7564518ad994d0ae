package io.github.migrations.benchmarks.workload;

/**
 * One unit of schema work, written once and rendered for every tool: a revision of ours,
 * a Flyway versioned migration, a Liquibase changeset, and a part of the {@code psql}
 * file.
 *
 * @param number position in the chain, from 1
 * @param slug short name for file names ({@code create_t0001})
 * @param message one-line description
 * @param upgrade the SQL that applies it, statements ending with {@code ;}
 * @param downgrade the SQL that undoes it
 * @param hasRoutineBody whether the SQL holds a {@code $$} body with semicolons inside,
 * which Liquibase's formatted SQL must not split
 */
public record Change(int number, String slug, String message, String upgrade, String downgrade,
		boolean hasRoutineBody) {

	public Change {
		if (!upgrade.strip().endsWith(";") || !downgrade.strip().endsWith(";")) {
			throw new IllegalArgumentException("change " + number + ": end every statement with ';'");
		}
	}

	static Change of(int number, String slug, String message, String upgrade, String downgrade) {
		return new Change(number, slug, message, upgrade.strip(), downgrade.strip(), upgrade.contains("$$"));
	}

}
