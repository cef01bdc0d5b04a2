package dev.vigil.compare;

import dev.vigil.report.Html;
import java.util.Locale;

/** The comparison as a plain text table, for the terminal. */
public final class CompareText {

  private CompareText() {}

  public static String render(Comparison c) {
    StringBuilder t = new StringBuilder();
    t.append("A: ").append(describe(c.a())).append('\n');
    t.append("B: ").append(describe(c.b())).append('\n');
    t.append("latency of the requests that succeeded, in ").append(scope(c)).append("; ").append(test(c)).append('\n');
    String format = "%-14s %-17s %-17s %-13s %-13s %-15s %-9s %-12s %s%n";
    t.append(String.format(Locale.ROOT, format, "SERVICE", "DOWNTIME A → B", "DURING A → B", "FAILED A → B", "p50 ms A → B",
        "p95 ms A → B", "p", "LATENCY", "VERDICT A → B"));
    for (Comparison.ServiceRow r : c.services()) {
      Comparison.Figures a = r.a();
      Comparison.Figures b = r.b();
      Comparison.LatencyChange l = r.latency();
      t.append(String.format(Locale.ROOT, format, r.service(),
          pair(a == null ? null : secs(a.downtimeSeconds()), b == null ? null : secs(b.downtimeSeconds())),
          pair(a == null ? null : secs(a.downtimeDuringSeconds()), b == null ? null : secs(b.downtimeDuringSeconds())),
          pair(a == null ? null : Long.toString(a.failures()), b == null ? null : Long.toString(b.failures())),
          pair(a == null ? null : num(a.p50()), b == null ? null : num(b.p50())),
          pair(a == null ? null : num(a.p95()), b == null ? null : num(b.p95())),
          l == null || Double.isNaN(l.pValue()) ? "-" : Html.pValue(l.pValue()),
          l == null ? "-" : l.direction().equals("slower") || l.direction().equals("faster") ? l.direction() + " in B" : l.direction(),
          pair(a == null ? null : a.level(), b == null ? null : b.level())));
    }
    return t.toString();
  }

  /** How B is called slower or faster, in words. */
  static String test(Comparison c) {
    return "B against A per kind of request (each probe request and connection, flow step, load request) by the zero-impact test:"
        + " one-sided Mann–Whitney below p = " + java.math.BigDecimal.valueOf(c.significance()).stripTrailingZeros().toPlainString()
        + " with the median beyond the floors, or intermittent stalls";
  }

  static String describe(Comparison.Run r) {
    return r.runId() + " (" + (r.judged() ? "vigil run" : "vigil watch") + (r.cloud() == null ? "" : ", cloud " + r.cloud())
        + String.format(Locale.ROOT, ", %.1f s", r.windowSeconds()) + ") in " + r.dir();
  }

  static String scope(Comparison c) {
    return c.scope().equals("during")
        ? "the during phase of each run"
        : "the whole window of each run (not both have a during phase)";
  }

  private static String pair(String a, String b) {
    return (a == null ? "-" : a) + " → " + (b == null ? "-" : b);
  }

  private static String secs(Double s) {
    return s == null ? "-" : String.format(Locale.ROOT, "%.2fs", s);
  }

  private static String num(Long v) {
    return v == null ? "-" : v.toString();
  }
}
