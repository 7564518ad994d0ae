package io.github.migrations.benchmarks;

/**
 * One measured process.
 *
 * @param workload the workload's name, or {@code floor}
 * @param subject the tool's id, or a floor's name
 * @param round the round, from 1
 * @param phase {@code apply}, {@code noop} or {@code floor}
 * @param result what the process took
 * @param check the workload's check value after an apply, or null
 * @param loadAverage the one-minute load average just before the process started
 */
record Sample(String workload, String subject, int round, String phase, TimedProcess.Result result, String check,
		double loadAverage) {

	static final String APPLY = "apply";

	static final String NOOP = "noop";

	static final String FLOOR = "floor";

}
