package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Figures taken round by round (a variant's time less the baseline's in the same round,
 * or one tool's time over another's), and how closely the rounds pin them down: the
 * median with its 95 % interval (a percentile bootstrap of 2,000 resamples, with a fixed
 * seed so that a report reads the same when it is made again from the same figures), and
 * the mean with its standard error.
 *
 * @param median the median
 * @param medianLow the low end of the median's 95 % interval
 * @param medianHigh the high end of the median's 95 % interval
 * @param mean the mean
 * @param standardError the standard error of the mean
 * @param standardDeviation the standard deviation from round to round
 * @param count how many rounds
 */
record PairedStats(double median, double medianLow, double medianHigh, double mean, double standardError,
		double standardDeviation, int count) {

	private static final int RESAMPLES = 2000;

	private static final long SEED = 20261201L;

	/**
	 * The statistics of the figures, or {@code null} for fewer than two.
	 */
	static PairedStats of(List<Double> figures) {
		int n = figures.size();
		if (n < 2) {
			return null;
		}
		double mean = figures.stream().mapToDouble(Double::doubleValue).sum() / n;
		double squares = figures.stream().mapToDouble((value) -> (value - mean) * (value - mean)).sum();
		double standardDeviation = Math.sqrt(squares / (n - 1));
		SplittableRandom random = new SplittableRandom(SEED);
		double[] medians = new double[RESAMPLES];
		List<Double> resample = new ArrayList<>(n);
		for (int i = 0; i < RESAMPLES; i++) {
			resample.clear();
			for (int j = 0; j < n; j++) {
				resample.add(figures.get(random.nextInt(n)));
			}
			medians[i] = Stats.of(resample).median();
		}
		Arrays.sort(medians);
		return new PairedStats(Stats.of(figures).median(), medians[(int) (RESAMPLES * 0.025)],
				medians[(int) (RESAMPLES * 0.975) - 1], mean, standardDeviation / Math.sqrt(n), standardDeviation, n);
	}

}
