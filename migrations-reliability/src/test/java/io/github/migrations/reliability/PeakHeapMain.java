package io.github.migrations.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import io.github.migrations.cli.MigrationsCli;

/**
 * Runs the CLI (as {@code MigrationsCli.main} does) in a child JVM, then prints the peak
 * heap use, summed over the heap's memory pools, and the heap limit:
 * {@code peak-heap-bytes=...} and {@code max-heap-bytes=...} on the last lines of
 * standard output.
 */
final class PeakHeapMain {

	private PeakHeapMain() {
	}

	public static void main(String[] args) {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
				System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
		int code = MigrationsCli.run(args, System.out, System.err, System::getenv);
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.println("peak-heap-bytes=" + peak);
		System.out.println("max-heap-bytes=" + Runtime.getRuntime().maxMemory());
		System.exit(code);
	}

}
