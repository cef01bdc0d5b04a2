package dev.vigil.uptime;

/**
 * A time during which a service was down by the uptime rule (see {@link OutageTracker}).
 *
 * @param startMs start time of the first failed probe (epoch ms)
 * @param endMs start time of the next successful probe, or the window's end if none came
 * @param ongoing true when no successful probe came before the window ended
 */
public record Outage(long startMs, long endMs, boolean ongoing) {

  public Outage {
    if (endMs < startMs) {
      throw new IllegalArgumentException("endMs must not be before startMs");
    }
  }

  public long durationMs() {
    return endMs - startMs;
  }

  public double seconds() {
    return durationMs() / 1000.0;
  }
}
