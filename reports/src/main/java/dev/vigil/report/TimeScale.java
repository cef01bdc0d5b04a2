package dev.vigil.report;

/**
 * Maps epoch milliseconds of the window to x coordinates of a chart: {@code left} is the window's
 * start, {@code left + width} its end. Times outside the window are clamped to its edges.
 */
public record TimeScale(long startMs, long endMs, double left, double width) {

  public TimeScale {
    if (endMs <= startMs) {
      // An empty window still gets a drawable scale.
      endMs = startMs + 1;
    }
  }

  public double x(long epochMs) {
    long t = Math.max(startMs, Math.min(endMs, epochMs));
    return left + (t - startMs) * width / (double) (endMs - startMs);
  }

  /** Round tick spacing giving at most about {@code maxTicks} ticks. */
  public long tickMs(int maxTicks) {
    long[] steps = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
      1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000};
    long span = endMs - startMs;
    for (long s : steps) {
      if (span / s <= maxTicks) {
        return s;
      }
    }
    return (span / maxTicks / 86_400_000 + 1) * 86_400_000;
  }
}
