/**
 * Latency in flat memory: a mergeable millisecond {@link dev.vigil.performance.LatencyHistogram},
 * a seeded {@link dev.vigil.performance.Reservoir} sample, and the Mann–Whitney test in {@link
 * dev.vigil.performance.Significance}.
 */
package dev.vigil.performance;
