package org.grassroots.bench.center;

import java.util.Arrays;

/** Nanosecond samples and their percentiles. */
final class Latencies {

	private final long[] samples;

	private int count;

	Latencies(int capacity) {
		this.samples = new long[capacity];
	}

	void add(long nanos) {
		samples[count++] = nanos;
	}

	/** The p-th percentile (0..100) in microseconds, nearest rank. */
	double micros(double percentile) {
		long[] sorted = Arrays.copyOf(samples, count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * count) - 1;
		return sorted[Math.max(0, Math.min(count - 1, rank))] / 1000.0;
	}

	double meanMicros() {
		long sum = 0;
		for (int i = 0; i < count; i++) {
			sum += samples[i];
		}
		return count == 0 ? 0 : sum / 1000.0 / count;
	}

	int count() {
		return count;
	}
}
