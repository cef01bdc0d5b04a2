package dev.vigil.compare;

import dev.vigil.performance.Slowdown;
import dev.vigil.result.ServiceVerdict;
import java.nio.file.Path;
import java.util.List;

/**
 * Two runs side by side (e.g. the same upgrade on release N and on N+1), per service.
 *
 * @param scope where latency was compared: {@code during} when both runs marked a during phase,
 *     else {@code window} (the whole window of each)
 * @param significance p-value below which a latency change counts as significant
 */
public record Comparison(Run a, Run b, String scope, double significance, List<ServiceRow> services) {

  public Comparison {
    services = List.copyOf(services);
  }

  /**
   * @param judged a {@code vigil run} (with verdicts) rather than a {@code vigil watch}
   */
  public record Run(Path dir, String runId, String cloud, boolean judged, double windowSeconds) {}

  /** One service; a side is null when that run did not observe the service. */
  public record ServiceRow(String service, Figures a, Figures b, LatencyChange latency) {}

  /**
   * One service in one run.
   *
   * @param downtimeDuringSeconds null when the run has no during phase
   * @param latencyCount requests that succeeded in the compared scope: the latency figures' basis
   * @param p50 of those requests, null without any
   * @param verdict null for a watch window
   */
  public record Figures(double downtimeSeconds, Double downtimeDuringSeconds, long requests, long failures, long latencyCount,
      Long p50, Long p95, ServiceVerdict.Verdict verdict) {

    private static final List<String> LEVELS = List.of("none", "rolling", "zero-downtime", "zero-impact");

    /** The level's place, lowest first; -1 for a watch window (no verdict). */
    public int rank() {
      return LEVELS.indexOf(met());
    }

    /**
     * The highest level met (yes): zero-impact, zero-downtime, rolling or none, and the next level
     * when that one is inconclusive, e.g. {@code rolling (zero-downtime inconclusive)}; "no
     * verdict" for a watch window.
     */
    public String level() {
      if (verdict == null) {
        return "no verdict";
      }
      String met = met();
      int next = LEVELS.indexOf(met) + 1;
      List<ServiceVerdict.Answer> answers = List.of(verdict.rolling(), verdict.zeroDowntime(), verdict.zeroImpact());
      return next < LEVELS.size() && answers.get(next - 1) == ServiceVerdict.Answer.INCONCLUSIVE ? met + " (" + LEVELS.get(next) + " inconclusive)"
          : met;
    }

    private String met() {
      if (verdict == null) {
        return "no verdict";
      }
      return verdict.zeroImpact().yes() ? "zero-impact" : verdict.zeroDowntime().yes() ? "zero-downtime" : verdict.rolling().yes() ? "rolling" : "none";
    }
  }

  /**
   * B against A by the zero-impact test ({@link dev.vigil.performance.ImpactTest}), per kind of
   * request, on samples of up to 10,000 latencies per kind.
   *
   * @param pValue the deciding kind's p-value (its Fisher p for stalls); with no change, the
   *     smallest of B's one-sided tests; NaN when no kind had enough requests in both runs
   * @param medianDeltaMs B's median minus A's, over every kind (a figure, not the test)
   * @param direction {@code slower} (some kind slower in B), {@code faster} (none slower in B, some
   *     slower in A), {@code same}, or {@link #TOO_FEW} (no kind had enough requests in both runs)
   * @param kinds each kind of B against the same kind in A, with its figures
   */
  public record LatencyChange(double pValue, long medianDeltaMs, String direction, List<Slowdown> kinds) {

    public static final String TOO_FEW = "too few";

    public LatencyChange {
      kinds = List.copyOf(kinds);
    }

    /** The kinds slower in B, each with its figures. */
    public List<Slowdown> slower() {
      return kinds.stream().filter(Slowdown::slower).toList();
    }
  }
}
