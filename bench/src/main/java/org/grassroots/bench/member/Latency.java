package org.grassroots.bench.member;

import java.util.Arrays;

/** Latencies in nanoseconds and their percentiles. */
final class Latency {

	private final String name;

	private final long[] samples;

	private int count;

	Latency(String name, int capacity) {
		this.name = name;
		this.samples = new long[capacity];
	}

	synchronized void add(long nanos) {
		if (count < samples.length) {
			samples[count++] = nanos;
		}
	}

	String name() {
		return name;
	}

	int count() {
		return count;
	}

	double percentileMillis(double p) {
		long[] sorted = Arrays.copyOf(samples, count);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
	}
}
