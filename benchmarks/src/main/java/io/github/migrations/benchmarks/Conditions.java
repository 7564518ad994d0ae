package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the machine was like: processor, cores, memory and load.
 *
 * @param cpu the processor's model name
 * @param cores available processors
 * @param memory total memory
 * @param loadAverage the 1-, 5- and 15-minute load averages
 */
record Conditions(String cpu, int cores, String memory, String loadAverage) {

	static Conditions now() {
		return new Conditions(firstValue(Path.of("/proc/cpuinfo"), "model name"),
				Runtime.getRuntime().availableProcessors(), memory(firstValue(Path.of("/proc/meminfo"), "MemTotal")),
				loadAverages());
	}

	private static String memory(String memTotal) {
		try {
			return "%.1f GiB".formatted(Long.parseLong(memTotal.replace("kB", "").strip()) / 1024.0 / 1024.0);
		}
		catch (NumberFormatException ex) {
			return memTotal;
		}
	}

	static double currentLoad() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String loadAverages() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String firstValue(Path file, String key) {
		try {
			List<String> lines = Files.readAllLines(file);
			for (String line : lines) {
				if (line.startsWith(key)) {
					return line.substring(line.indexOf(':') + 1).strip();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return "unknown";
	}

}
