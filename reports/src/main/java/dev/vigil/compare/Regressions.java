package dev.vigil.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where B is worse than A, for a CI job that compares release N+1's run with release N's and should
 * fail when the upgrade got worse: a lower verdict, more downtime than measurement can explain, or
 * a kind of request slower by the zero-impact test (one line each, with its figures). A service only one run observed is not judged.
 */
public final class Regressions {

  /** The uptime probes' accuracy measured on the lab (BENCHMARKS.md: worst 0.078 s): less is noise. */
  static final double DOWNTIME_SLACK_SECONDS = 0.1;

  private Regressions() {}

  /** One line per regression, naming the service and the figures; empty when B is no worse. */
  public static List<String> of(Comparison c) {
    return of(c, "B");
  }

  /** @param later what the later run is called: B, or C when it is the third of a trend */
  static List<String> of(Comparison c, String later) {
    List<String> found = new ArrayList<>();
    for (Comparison.ServiceRow row : c.services()) {
      Comparison.Figures a = row.a();
      Comparison.Figures b = row.b();
      if (a == null || b == null) {
        continue;
      }
      int levelA = a.rank();
      int levelB = b.rank();
      if (levelA >= 0 && levelB >= 0 && levelB < levelA) {
        found.add(row.service() + ": verdict " + a.level() + " → " + b.level());
      }
      boolean during = a.downtimeDuringSeconds() != null && b.downtimeDuringSeconds() != null;
      double downA = during ? a.downtimeDuringSeconds() : a.downtimeSeconds();
      double downB = during ? b.downtimeDuringSeconds() : b.downtimeSeconds();
      if (downB > downA + DOWNTIME_SLACK_SECONDS) {
        found.add(String.format(Locale.ROOT, "%s: downtime%s %.2f s → %.2f s", row.service(), during ? " during the upgrade" : "", downA, downB));
      }
      Comparison.LatencyChange l = row.latency();
      if (l != null) {
        l.slower().forEach(k -> found.add(row.service() + ": slower in " + later + ": " + k.describe()));
      }
    }
    return found;
  }
}
