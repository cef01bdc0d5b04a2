package dev.vigil.uptime;

/**
 * A time during which a service was down by the uptime rule (see {@link OutageTracker}).
 *
 * <p>Each edge is an estimate from the probes around it, and is late by at most its uncertainty:
 * the service really went down in {@code [startMs - startUncertaintyMs, startMs]} and came back in
 * {@code [endMs - endUncertaintyMs, endMs]}. An edge that is the window's own (an outage cut to the
 * window, or still open at its end) has no uncertainty.
 *
 * @param startMs when the first failure was observed (epoch ms)
 * @param endMs start of the next successful probe, or the window's end if none came
 * @param ongoing true when no successful probe came before the window ended
 * @param startUncertaintyMs how much earlier the service may really have gone down
 * @param endUncertaintyMs how much earlier it may really have come back
 */
public record Outage(long startMs, long endMs, boolean ongoing, long startUncertaintyMs, long endUncertaintyMs) {

  public Outage {
    if (endMs < startMs) {
      throw new IllegalArgumentException("endMs must not be before startMs");
    }
    if (startUncertaintyMs < 0 || endUncertaintyMs < 0) {
      throw new IllegalArgumentException("uncertainties must not be negative");
    }
  }

  /** An outage whose edges are exact (tests, and edges that are a window's). */
  public Outage(long startMs, long endMs, boolean ongoing) {
    this(startMs, endMs, ongoing, 0, 0);
  }

  public long durationMs() {
    return endMs - startMs;
  }

  public double seconds() {
    return durationMs() / 1000.0;
  }
}
