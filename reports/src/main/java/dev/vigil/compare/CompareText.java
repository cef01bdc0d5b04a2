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
    table(t, c, "A", "B");
    return t.toString();
  }

  /**
   * Two runs as {@link #render(Comparison)} does, more than two as each run against the one before
   * it; then Gatling's statistics of every run.
   */
  public static String render(Trend trend) {
    StringBuilder t = new StringBuilder();
    if (trend.steps().size() == 1) {
      t.append(render(trend.steps().get(0)));
    } else {
      t.append("runs in release order, oldest first:\n");
      for (int i = 0; i < trend.runs().size(); i++) {
        t.append(Trend.label(i)).append(": ").append(describe(trend.runs().get(i))).append('\n');
      }
      t.append("latency of the requests that succeeded; each run against the one before it by the zero-impact test\n");
      for (int i = 0; i < trend.steps().size(); i++) {
        Comparison c = trend.steps().get(i);
        String a = Trend.label(i);
        String b = Trend.label(i + 1);
        t.append('\n').append(b).append(" against ").append(a).append(", latency in ").append(scope(c)).append(":\n");
        table(t, c, a, b);
      }
    }
    t.append('\n');
    GatlingTable.text(t, trend);
    return t.toString();
  }

  private static void table(StringBuilder t, Comparison c, String la, String lb) {
    String ab = la + " → " + lb;
    String format = "%-14s %-17s %-17s %-13s %-13s %-15s %-9s %-12s %s%n";
    t.append(String.format(Locale.ROOT, format, "SERVICE", "DOWNTIME " + ab, "DURING " + ab, "FAILED " + ab, "p50 ms " + ab,
        "p95 ms " + ab, "p", "LATENCY", "VERDICT " + ab));
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
          l == null ? "-" : l.direction().equals("slower") || l.direction().equals("faster") ? l.direction() + " in " + lb : l.direction(),
          pair(a == null ? null : a.level(), b == null ? null : b.level())));
    }
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
