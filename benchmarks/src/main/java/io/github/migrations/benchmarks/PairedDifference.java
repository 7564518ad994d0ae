package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A variant's figure less the baseline's, round by round, and how closely the rounds pin
 * it down: the median with its 95 % interval (a percentile bootstrap of 2,000 resamples,
 * with a fixed seed so that a report reads the same when it is made again from the same
 * figures), and the mean with its standard error.
 *
 * @param median the median difference
 * @param medianLow the low end of the median's 95 % interval
 * @param medianHigh the high end of the median's 95 % interval
 * @param mean the mean difference
 * @param standardError the standard error of the mean
 * @param standardDeviation the standard deviation from round to round
 * @param count how many rounds
 */
record PairedDifference(double median, double medianLow, double medianHigh, double mean, double standardError,
		double standardDeviation, int count) {

	private static final int RESAMPLES = 2000;

	private static final long SEED = 20261201L;

	/**
	 * The statistics of the differences, or {@code null} for fewer than two.
	 */
	static PairedDifference of(List<Double> differences) {
		int n = differences.size();
		if (n < 2) {
			return null;
		}
		double mean = differences.stream().mapToDouble(Double::doubleValue).sum() / n;
		double squares = differences.stream().mapToDouble((value) -> (value - mean) * (value - mean)).sum();
		double standardDeviation = Math.sqrt(squares / (n - 1));
		SplittableRandom random = new SplittableRandom(SEED);
		double[] medians = new double[RESAMPLES];
		List<Double> resample = new ArrayList<>(n);
		for (int i = 0; i < RESAMPLES; i++) {
			resample.clear();
			for (int j = 0; j < n; j++) {
				resample.add(differences.get(random.nextInt(n)));
			}
			medians[i] = Stats.of(resample).median();
		}
		Arrays.sort(medians);
		return new PairedDifference(Stats.of(differences).median(), medians[(int) (RESAMPLES * 0.025)],
				medians[(int) (RESAMPLES * 0.975) - 1], mean, standardDeviation / Math.sqrt(n), standardDeviation, n);
	}

}
