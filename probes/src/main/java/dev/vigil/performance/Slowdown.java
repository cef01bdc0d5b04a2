package dev.vigil.performance;

import java.util.Locale;

/**
 * One kind of request in one phase against the same kind in the baseline, with the figures a
 * reason quotes.
 *
 * @param kind e.g. {@code probe list-servers (new)}, {@code flow create-image}, {@code load list-images}
 * @param baseline the baseline's figures
 * @param other the compared phase's (or run's) figures
 * @param pValue one-sided Mann–Whitney, "other slower"; NaN when not judged
 * @param exact whether the p-value comes from the exact distribution (small samples, no ties)
 * @param medianRiseMs other's median minus the baseline's
 * @param stallBarMs a request above this is a stall: max(multiple × baseline p99, p99 + floor)
 * @param stallsBaseline baseline requests above the bar
 * @param stallsOther other requests above the bar
 * @param stallP one-sided Fisher's exact test, "more stalls in other"; NaN when not judged
 * @param outcome what the rule concluded
 * @param criteria the rule's settings
 */
public record Slowdown(String kind, Figures baseline, Figures other, double pValue, boolean exact, double medianRiseMs, double stallBarMs,
    long stallsBaseline, long stallsOther, double stallP, Outcome outcome, ImpactCriteria criteria) {

  public enum Outcome {
    /** The median rose significantly and beyond both floors. */
    SLOWER,
    /** Intermittent stalls: significantly more requests beyond the stall bar, and more than the stall share. */
    STALLS,
    /** Neither. */
    NOT_SLOWER,
    /** Too few requests in a phase to say: inconclusive. */
    TOO_FEW
  }

  /** n requests; their median, p95 and p99 in ms (numpy's default interpolation); NaN without requests. */
  public record Figures(int n, double median, double p95, double p99) {}

  /** Whether this kind counts against zero impact. */
  public boolean slower() {
    return outcome == Outcome.SLOWER || outcome == Outcome.STALLS;
  }

  /** One line with the figures, e.g. for a verdict reason. */
  public String describe() {
    if (outcome == Outcome.TOO_FEW) {
      return String.format(Locale.ROOT, "%s: not judged: %d request(s) in the baseline, %d compared (at least %d each)", kind, baseline.n(),
          other.n(), criteria.minSamples());
    }
    String figures = String.format(Locale.ROOT, "%s: median %s → %s ms (%+.0f ms, %s), p95 %s → %s ms, n %d → %d, one-sided Mann–Whitney p = %.2g%s",
        kind, ms(baseline.median()), ms(other.median()), medianRiseMs, percent(), ms(baseline.p95()), ms(other.p95()), baseline.n(), other.n(),
        pValue, exact ? " (exact)" : "");
    String stalls = String.format(Locale.ROOT, "%d of %d (%.1f %%) above %s ms (%s × the baseline p99) against %d of %d, Fisher p = %.2g", stallsOther,
        other.n(), 100.0 * stallsOther / other.n(), ms(stallBarMs), trim(criteria.stallMultiple()), stallsBaseline, baseline.n(), stallP);
    String floors = "floors " + trim(criteria.floorMs()) + " ms and " + trim(criteria.relativeFloor() * 100) + " %";
    return switch (outcome) {
      case SLOWER -> figures + ": slower, beyond the " + floors;
      case STALLS -> figures + "; intermittent stalls: " + stalls;
      default -> figures + (pValue < criteria.significance() ? ": slower but within the " + floors : ": not significantly slower")
          + (stallsOther > 0 ? "; " + stalls : "");
    };
  }

  private String percent() {
    return baseline.median() > 0 ? String.format(Locale.ROOT, "%+.0f %%", 100 * medianRiseMs / baseline.median()) : "n/a %";
  }

  private static String ms(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
