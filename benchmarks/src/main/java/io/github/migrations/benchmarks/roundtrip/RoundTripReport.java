package io.github.migrations.benchmarks.roundtrip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes a run's results: {@code roundtrip-report.md} (shares per history and tool, and
 * the object kinds that differed), {@code roundtrip-raw.csv} (one line per pair and tool)
 * and {@code failures-<tool>.md} (each failed pair with what differed, the error and the
 * script).
 */
final class RoundTripReport {

	private final List<RoundTrip.Outcome> outcomes;

	private final List<String> tools;

	private final Map<String, String> conditions;

	RoundTripReport(List<RoundTrip.Outcome> outcomes, List<String> tools, Map<String, String> conditions) {
		this.outcomes = outcomes;
		this.tools = tools;
		this.conditions = conditions;
	}

	void write(Path folder) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("roundtrip-report.md"), markdown());
		Files.writeString(folder.resolve("roundtrip-raw.csv"), csv());
		for (String tool : this.tools) {
			Files.writeString(folder.resolve("failures-" + tool + ".md"), failures(tool));
		}
	}

	String markdown() {
		StringBuilder md = new StringBuilder("# Round trips of a schema on real migration histories\n\n");
		this.conditions.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("\n## Histories\n\n| History | Steps | Fail on the server | Sampled | Sampled, no schema change"
				+ " | Pairs measured |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (RoundTrip.Outcome outcome : this.outcomes) {
			long pairs = outcome.results().stream().map(PairResult::index).distinct().count();
			md.append("| %s | %d | %d | %d | %d | %d |\n".formatted(outcome.history().name(), outcome.steps(),
					outcome.failedSteps().size(), outcome.unchanged() + outcome.changed(), outcome.unchanged(), pairs));
		}
		md.append("\n## Share of pairs reproduced exactly\n\n")
			.append("A pair is exact in one direction when the tool's script runs without error and the catalog"
					+ " snapshot (and `pg_dump --schema-only`, where compared) equals the wanted state's. \"All"
					+ " three\" is forward, backward and an empty second diff together. Each tool works on its own copy"
					+ " of state i-1: forward script (judged against i), second diff, then the reverse script on the"
					+ " same copy (judged against i-1).\n\n")
			.append("| History | Tool | Pairs | Forward | Backward | Idempotent | All three | Catalog only, all three"
					+ " | Diff time (s) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		List<String> histories = new ArrayList<>();
		this.outcomes.forEach((outcome) -> histories.add(outcome.history().name()));
		if (histories.size() > 1) {
			histories.add("all");
		}
		for (String history : histories) {
			for (String tool : this.tools) {
				List<PairResult> results = results(history, tool);
				if (results.isEmpty()) {
					continue;
				}
				long millis = results.stream().mapToLong(PairResult::millis).sum();
				md.append("| %s | %s | %d | %s | %s | %s | %s | %s | %.0f |\n".formatted(history, tool, results.size(),
						share(results, (r) -> r.forward().exact()), share(results, (r) -> r.backward().exact()),
						share(results, (r) -> Boolean.TRUE.equals(r.idempotent())), share(results, PairResult::exact),
						share(results,
								(r) -> r.forward().catalogEqual() && r.backward().catalogEqual()
										&& r.forward().applyError() == null && r.backward().applyError() == null
										&& Boolean.TRUE.equals(r.idempotent())),
						millis / 1000.0));
			}
		}
		supportedOnly(md, histories);
		md.append("\n## What differed in the pairs that were not exact\n\n")
			.append("Pairs (of all histories) in which at least one object of the kind differed, in either direction;"
					+ " `script failed` counts pairs whose script stopped with an error, `tool failed` those where the"
					+ " tool wrote nothing, `pg_dump only` those whose catalog matched but the dump did not,"
					+ " `not idempotent` those whose second diff was not empty; a kind marked `(unsupported)` counts"
					+ " the pairs where it is an unsupported kind of change (see above), apart from the same kind"
					+ " differing where the pair did not change it (`column order`: an order a tool could have"
					+ " kept).\n\n");
		Map<String, Map<String, Integer>> kinds = new TreeMap<>();
		for (String tool : this.tools) {
			for (PairResult result : results("all", tool)) {
				for (String failed : failureKinds(result)) {
					String kind = result.unsupported().contains(failed) ? failed + " (unsupported)" : failed;
					kinds.computeIfAbsent(kind, (k) -> new LinkedHashMap<>()).merge(tool, 1, Integer::sum);
				}
			}
		}
		md.append("| Kind |");
		this.tools.forEach((tool) -> md.append(' ').append(tool).append(" |"));
		md.append("\n| --- |");
		this.tools.forEach((tool) -> md.append(" ---: |"));
		md.append('\n');
		if (kinds.isEmpty()) {
			md.append("| (none) |");
			this.tools.forEach((tool) -> md.append(" 0 |"));
			md.append('\n');
		}
		kinds.forEach((kind, counts) -> {
			md.append("| ").append(kind).append(" |");
			this.tools.forEach((tool) -> md.append(' ').append(counts.getOrDefault(tool, 0)).append(" |"));
			md.append('\n');
		});
		for (RoundTrip.Outcome outcome : this.outcomes) {
			if (!outcome.failedSteps().isEmpty()) {
				md.append("\n### Steps of ").append(outcome.history().name()).append(" that fail on the server\n\n");
				outcome.failedSteps().forEach((step) -> md.append("- ").append(step).append('\n'));
			}
		}
		return md.toString();
	}

	/**
	 * The shares over the pairs whose every change a differ can make (issue 16's target),
	 * and the pairs left out with the kind that no statement can make.
	 */
	private void supportedOnly(StringBuilder md, List<String> histories) {
		md.append("\n## Pairs with only supported kinds\n\n")
			.append("The same shares over the pairs that contain only supported kinds of change. A pair is left"
					+ " out here (never above) when it contains an unsupported kind: `column order`, a table in both"
					+ " states whose columns are in an order that dropping and adding columns cannot give (PostgreSQL"
					+ " adds a column last, so a column put back, or renamed without a hint, moves to the end; only"
					+ " recreating the table, with its data, would restore the order); or a changed object of a kind"
					+ " issue 16 does not list (`statistics`: `CREATE STATISTICS`).\n\n")
			.append("| History | Tool | Pairs with only supported kinds | All three | Left out |\n")
			.append("| --- | --- | ---: | ---: | ---: |\n");
		for (String history : histories) {
			for (String tool : this.tools) {
				List<PairResult> all = results(history, tool);
				List<PairResult> supported = all.stream().filter(PairResult::onlySupportedKinds).toList();
				if (all.isEmpty()) {
					continue;
				}
				md.append("| %s | %s | %d | %s | %d |\n".formatted(history, tool, supported.size(),
						supported.isEmpty() ? "-" : share(supported, PairResult::exact),
						all.size() - supported.size()));
			}
		}
		List<PairResult> leftOut = results("all", this.tools.get(0)).stream()
			.filter((r) -> !r.onlySupportedKinds())
			.toList();
		if (!leftOut.isEmpty()) {
			md.append("\nLeft out:\n\n");
			leftOut.forEach((r) -> md.append("- %s #%d (%s → %s): %s\n".formatted(r.history(), r.index(), r.from(),
					r.to(), String.join(", ", r.unsupported()))));
		}
	}

	static Set<String> failureKinds(PairResult result) {
		Set<String> kinds = new TreeSet<>();
		for (PairResult.Direction direction : List.of(result.forward(), result.backward())) {
			if (direction.toolError() != null) {
				kinds.add("tool failed");
			}
			if (direction.applyError() != null) {
				kinds.add("script failed");
			}
			direction.differences().forEach((difference) -> kinds.add(difference.kind()));
			if (direction.differences().isEmpty() && direction.toolError() == null
					&& Boolean.FALSE.equals(direction.dumpEqual())) {
				kinds.add("pg_dump only");
			}
		}
		if (!Boolean.TRUE.equals(result.idempotent())) {
			kinds.add("not idempotent");
		}
		return kinds;
	}

	private List<PairResult> results(String history, String tool) {
		List<PairResult> results = new ArrayList<>();
		for (RoundTrip.Outcome outcome : this.outcomes) {
			if (history.equals("all") || outcome.history().name().equals(history)) {
				outcome.results().stream().filter((r) -> r.tool().equals(tool)).forEach(results::add);
			}
		}
		return results;
	}

	private static String share(List<PairResult> results, Predicate<PairResult> test) {
		long count = results.stream().filter(test).count();
		return "%d (%.0f %%)".formatted(count, 100.0 * count / results.size());
	}

	String csv() {
		StringBuilder csv = new StringBuilder("history,pair,from,to,tool,exact,forward_exact,forward_catalog_equal,"
				+ "forward_dump_equal,forward_error,forward_kinds,idempotent,backward_exact,backward_catalog_equal,"
				+ "backward_dump_equal,backward_error,backward_kinds,diff_ms,unsupported_kinds\n");
		for (RoundTrip.Outcome outcome : this.outcomes) {
			for (PairResult r : outcome.results()) {
				List<String> cells = new ArrayList<>(List.of(r.history(), String.valueOf(r.index()), r.from(), r.to(),
						r.tool(), String.valueOf(r.exact())));
				cells.addAll(cells(r.forward()));
				cells.add(String.valueOf(r.idempotent()));
				cells.addAll(cells(r.backward()));
				cells.add(String.valueOf(r.millis()));
				cells.add(String.join(";", r.unsupported()));
				csv.append(String.join(",", cells.stream().map(RoundTripReport::quote).toList())).append('\n');
			}
		}
		return csv.toString();
	}

	private static List<String> cells(PairResult.Direction d) {
		String error = (d.toolError() != null) ? "tool: " + RoundTrip.firstLine(d.toolError())
				: (d.applyError() != null) ? "script: " + RoundTrip.firstLine(d.applyError()) : "";
		Set<String> kinds = new LinkedHashSet<>();
		d.differences().forEach((difference) -> kinds.add(difference.kind()));
		return List.of(String.valueOf(d.exact()), String.valueOf(d.catalogEqual()), String.valueOf(d.dumpEqual()),
				error, String.join(";", kinds));
	}

	private static String quote(String cell) {
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
			return "\"" + cell.replace("\"", "\"\"").replace("\n", " ") + "\"";
		}
		return cell;
	}

	String failures(String tool) {
		StringBuilder md = new StringBuilder("# Pairs that " + tool + " did not reproduce exactly\n\n");
		int count = 0;
		for (RoundTrip.Outcome outcome : this.outcomes) {
			for (PairResult r : outcome.results()) {
				if (!r.tool().equals(tool) || r.exact()) {
					continue;
				}
				count++;
				md.append("## ")
					.append(r.history())
					.append(" #")
					.append(r.index())
					.append(": ")
					.append(r.from())
					.append(" → ")
					.append(r.to())
					.append("\n\n")
					.append("Kinds: ")
					.append(String.join(", ", failureKinds(r)))
					.append("\n\n");
				direction(md, "Forward (" + r.from() + " → " + r.to() + ")", r.forward());
				if (!Boolean.TRUE.equals(r.idempotent()) && r.forward().toolError() == null) {
					md.append("Second forward diff not empty:\n\n```sql\n")
						.append(clip(String.valueOf(r.again()), 30, 4000))
						.append("\n```\n\n");
				}
				direction(md, "Backward (" + r.to() + " → " + r.from() + ")", r.backward());
			}
		}
		if (count == 0) {
			md.append("None.\n");
		}
		return md.toString();
	}

	private static void direction(StringBuilder md, String title, PairResult.Direction d) {
		if (d.exact()) {
			md.append("### ").append(title).append(": exact\n\n");
			return;
		}
		md.append("### ").append(title).append("\n\n");
		if (d.toolError() != null) {
			md.append("Tool failed: `").append(RoundTrip.firstLine(d.toolError())).append("`\n\n");
			return;
		}
		if (d.applyError() != null) {
			md.append("Script failed:\n\n```\n").append(clip(d.applyError(), 12, 1500)).append("\n```\n\n");
		}
		if (!d.differences().isEmpty()) {
			md.append("Differences (wanted vs built):\n\n");
			d.differences()
				.stream()
				.limit(15)
				.forEach((difference) -> md.append("- `").append(clip(difference.describe(), 1, 400)).append("`\n"));
			if (d.differences().size() > 15) {
				md.append("- … ").append(d.differences().size() - 15).append(" more\n");
			}
			md.append('\n');
		}
		if (Boolean.FALSE.equals(d.dumpEqual())) {
			md.append("pg_dump differs, ").append(d.dumpDifference()).append("\n\n");
		}
		md.append("Script:\n\n```sql\n").append(clip(d.script(), 60, 6000)).append("\n```\n\n");
	}

	private static String clip(String text, int lines, int chars) {
		String[] all = text.strip().split("\n");
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < Math.min(lines, all.length); i++) {
			out.append(all[i].replace("`", "'")).append('\n');
		}
		if (all.length > lines) {
			out.append("… (").append(all.length - lines).append(" more lines)\n");
		}
		String result = out.toString().strip();
		return (result.length() > chars) ? result.substring(0, chars) + " …" : result;
	}

}
