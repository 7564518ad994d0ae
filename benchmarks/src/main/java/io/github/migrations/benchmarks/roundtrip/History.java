package io.github.migrations.benchmarks.roundtrip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A migration history read from a folder, in order: either diesel's layout (one folder
 * per migration, {@code <name>/up.sql}, optionally {@code metadata.toml} with
 * {@code run_in_transaction = false}), or our revision files ({@code *.sql} with
 * {@code -- +upgrade} and {@code -- +downgrade} sections), in diesel's order (by version,
 * see {@link #version}), which is file-name order for ours. Only the upgrades are kept:
 * the harness builds each state by going up, and the differs under test write both
 * directions.
 */
record History(String name, Path folder, List<Step> steps) {

	private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false");

	private static final Pattern UPGRADE = Pattern.compile("(?m)^--\\s*\\+upgrade\\s*$");

	private static final Pattern DOWNGRADE = Pattern.compile("(?m)^--\\s*\\+downgrade\\s*$");

	private static final Pattern NOT_TRANSACTIONAL = Pattern.compile("(?m)^--\\s*transactional:\\s*false\\s*$");

	/**
	 * One migration's upgrade, and whether it runs in one transaction (diesel's default,
	 * and ours).
	 */
	record Step(String name, String sql, boolean transactional) {
	}

	static History read(String name, Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("History folder '" + folder + "' does not exist or is not a folder.");
		}
		List<Path> entries;
		try (Stream<Path> list = Files.list(folder)) {
			entries = list.sorted(Comparator.comparing(History::version)).toList();
		}
		List<Step> steps = new ArrayList<>();
		for (Path entry : entries) {
			Path up = entry.resolve("up.sql");
			if (Files.isDirectory(entry) && Files.isRegularFile(up)) {
				Path metadata = entry.resolve("metadata.toml");
				boolean transactional = !(Files.isRegularFile(metadata)
						&& NO_TRANSACTION.matcher(Files.readString(metadata)).find());
				steps.add(new Step(entry.getFileName().toString(), Files.readString(up), transactional));
			}
			else if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".sql")) {
				String text = Files.readString(entry);
				Matcher upgrade = UPGRADE.matcher(text);
				if (upgrade.find()) {
					Matcher downgrade = DOWNGRADE.matcher(text);
					int end = downgrade.find(upgrade.end()) ? downgrade.start() : text.length();
					steps.add(new Step(entry.getFileName().toString().replaceFirst("\\.sql$", ""),
							text.substring(upgrade.end(), end), !NOT_TRANSACTIONAL.matcher(text).find()));
				}
			}
		}
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("No migrations in '" + folder
					+ "': expected folders with an up.sql (diesel) or revision files with '-- +upgrade'.");
		}
		return new History(name, folder, List.copyOf(steps));
	}

	/**
	 * The order diesel applies migrations in: by version, the part of the name before the
	 * first underscore with its dashes left out ({@code 2017-09-23-182408} and
	 * {@code 20170309122510} are both 14-digit timestamps), then by name.
	 */
	private static String version(Path entry) {
		String name = entry.getFileName().toString();
		int underscore = name.indexOf('_');
		String version = (underscore > 0) ? name.substring(0, underscore) : name;
		return version.replace("-", "") + " " + name;
	}

	/**
	 * A name fit for a database and a file: lower case letters, digits and underscores.
	 */
	String slug() {
		return this.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

}
