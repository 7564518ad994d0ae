package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one command as a separate process and measures it: wall time from just before the
 * process is started to just after it has exited (so JVM start-up is inside), peak
 * resident memory, and the in-process time that a runner prints as
 * {@code BENCH inprocess_ns=<n>}.
 * <p>
 * Peak memory comes from GNU time ({@code /usr/bin/time -f %M}, the maximum resident set
 * size of the command); without it, from polling {@code VmHWM} in
 * {@code /proc/<pid>/status} every 10 ms, which can miss the last few milliseconds of a
 * process.
 */
final class TimedProcess {

	static final Path GNU_TIME = Path.of("/usr/bin/time");

	private static final Pattern IN_PROCESS = Pattern.compile("^BENCH inprocess_ns=(\\d+)$", Pattern.MULTILINE);

	private static final Pattern BREAKDOWN = Pattern.compile("^BENCH breakdown (.*)$", Pattern.MULTILINE);

	private TimedProcess() {
	}

	/**
	 * What one process took.
	 *
	 * @param wallNanos wall time of the whole process
	 * @param peakRssKb maximum resident set size in KiB, or -1 when unknown
	 * @param inProcessNanos what the runner reported, or -1
	 * @param exitCode the exit code
	 * @param breakdown a runner's {@code BENCH breakdown} line, or null
	 * @param log where its output went
	 */
	record Result(long wallNanos, long peakRssKb, long inProcessNanos, int exitCode, String breakdown, Path log) {

		boolean ok() {
			return this.exitCode == 0;
		}

	}

	static Result run(List<String> command, Map<String, String> environment, Path log, long timeoutSeconds)
			throws IOException, InterruptedException {
		boolean gnuTime = Files.isExecutable(GNU_TIME);
		Path rssFile = Files.createTempFile("bench-rss", ".txt");
		try {
			List<String> full = new ArrayList<>();
			if (gnuTime) {
				full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
			}
			full.addAll(command);
			ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			builder.environment().remove("_JAVA_OPTIONS");
			builder.environment().remove("JDK_JAVA_OPTIONS");
			builder.environment().putAll(environment);
			long start = System.nanoTime();
			Process process = builder.start();
			long peak = -1;
			if (!gnuTime) {
				peak = pollPeak(process, start, timeoutSeconds);
			}
			boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			long wall = System.nanoTime() - start;
			if (!finished) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor();
				return new Result(wall, -1, -1, 124, null, log);
			}
			if (gnuTime) {
				peak = parseRss(Files.readString(rssFile));
			}
			String output = Files.readString(log);
			Matcher inProcess = IN_PROCESS.matcher(output);
			long inProcessNanos = inProcess.find() ? Long.parseLong(inProcess.group(1)) : -1;
			Matcher breakdown = BREAKDOWN.matcher(output);
			return new Result(wall, peak, inProcessNanos, process.exitValue(),
					breakdown.find() ? breakdown.group(1) : null, log);
		}
		finally {
			Files.deleteIfExists(rssFile);
		}
	}

	private static long parseRss(String text) {
		// GNU time writes "Command exited with non-zero status N" before the figure when
		// the command fails
		String[] lines = text.strip().split("\n");
		try {
			return Long.parseLong(lines[lines.length - 1].strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static long pollPeak(Process process, long start, long timeoutSeconds) throws InterruptedException {
		Path status = Path.of("/proc", Long.toString(process.pid()), "status");
		long peak = -1;
		long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		while (process.isAlive() && System.nanoTime() < deadline) {
			try {
				for (String line : Files.readAllLines(status)) {
					if (line.startsWith("VmHWM:")) {
						peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
					}
				}
			}
			catch (IOException | NumberFormatException ex) {
				// the process has just exited
			}
			Thread.sleep(10);
		}
		return peak;
	}

}
