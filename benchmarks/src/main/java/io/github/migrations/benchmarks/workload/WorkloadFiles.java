package io.github.migrations.benchmarks.workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one workload in each tool's own format, from the same changes:
 * <ul>
 * <li>{@code ours/}: one revision file per change, {@code 0001_create_t0001.sql};</li>
 * <li>{@code flyway/}: {@code V1__create_t0001.sql} and so on (Flyway Community has no
 * undo migrations, so the downgrades are not written);</li>
 * <li>{@code liquibase/changelog.sql}: a formatted-SQL changelog with one changeset per
 * change and its {@code --rollback} lines;</li>
 * <li>{@code psql/all.sql}: every upgrade, concatenated, for {@code psql -1 -f}.</li>
 * </ul>
 * The script our {@code upgrade --sql} renders goes beside that file
 * ({@link #oursScript()}) when a run measures it.
 *
 * @param ours folder of our revision files
 * @param flyway folder of Flyway's migrations
 * @param liquibaseFolder folder of the Liquibase changelog
 * @param liquibaseChangelog the changelog's file name inside that folder
 * @param psql the concatenated file
 */
public record WorkloadFiles(Path ours, Path flyway, Path liquibaseFolder, String liquibaseChangelog, Path psql) {

	/**
	 * Where the script that our {@code upgrade --sql} renders for this workload goes.
	 * @return {@code psql/ours-script.sql}
	 */
	public Path oursScript() {
		return this.psql.resolveSibling("ours-script.sql");
	}

	public static WorkloadFiles write(Workload workload, Path root) {
		try {
			Path ours = Files.createDirectories(root.resolve("ours"));
			Path flyway = Files.createDirectories(root.resolve("flyway"));
			Path liquibase = Files.createDirectories(root.resolve("liquibase"));
			Path psql = Files.createDirectories(root.resolve("psql")).resolve("all.sql");
			int width = Math.max(4, Integer.toString(workload.size()).length());
			try (BufferedWriter changelog = Files.newBufferedWriter(liquibase.resolve("changelog.sql"),
					StandardCharsets.UTF_8);
					BufferedWriter all = Files.newBufferedWriter(psql, StandardCharsets.UTF_8)) {
				changelog.write("--liquibase formatted sql\n");
				for (Change change : workload.changes()) {
					String id = Workloads.pad(change.number(), width);
					String parent = (change.number() == 1) ? "base" : Workloads.pad(change.number() - 1, width);
					Files.writeString(ours.resolve(id + "_" + change.slug() + ".sql"), ours(change, id, parent),
							StandardCharsets.UTF_8);
					Files.writeString(flyway.resolve("V" + change.number() + "__" + change.slug() + ".sql"),
							change.upgrade() + "\n", StandardCharsets.UTF_8);
					changelog.write(liquibase(change, id));
					all.write("-- " + id + ": " + change.message() + "\n" + change.upgrade() + "\n\n");
				}
			}
			return new WorkloadFiles(ours, flyway, liquibase, "changelog.sql", psql);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String ours(Change change, String id, String parent) {
		return """
				-- revision: %s
				-- down_revision: %s
				-- message: %s

				-- +upgrade
				%s

				-- +downgrade
				%s
				""".formatted(id, parent, change.message(), change.upgrade(), change.downgrade());
	}

	/**
	 * A changeset; a routine body with semicolons in it is sent whole
	 * ({@code splitStatements:false}), as Liquibase's documentation asks for such
	 * changesets.
	 */
	static String liquibase(Change change, String id) {
		StringBuilder text = new StringBuilder("\n--changeset bench:").append(id);
		if (change.hasRoutineBody()) {
			text.append(" splitStatements:false");
		}
		text.append('\n').append("--comment: ").append(change.message()).append('\n');
		text.append(change.upgrade()).append('\n');
		for (String line : change.downgrade().split("\n")) {
			text.append("--rollback ").append(line).append('\n');
		}
		return text.toString();
	}

}
