package io.github.migrations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Prints the counts a check observed, as {@code reliability: <area>: <counts>}, on
 * standard output and into {@code target/reliability-report.txt}.
 */
final class Report {

	private Report() {
	}

	static synchronized void print(String area, String counts) {
		String line = "reliability: " + area + ": " + counts;
		System.out.println(line);
		String report = System.getProperty("reliability.report");
		if (report != null && !report.isBlank()) {
			try {
				Path file = Path.of(report);
				Files.createDirectories(file.toAbsolutePath().getParent());
				Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	static String seconds(long nanos) {
		return "%.1f s".formatted(nanos / 1e9);
	}

}
