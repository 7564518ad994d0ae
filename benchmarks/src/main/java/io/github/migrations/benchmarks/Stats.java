package io.github.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median and range of a few figures.
 */
record Stats(double median, double min, double max, int count) {

	static Stats of(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
	}

}
