package dev.vigil.compare;

import dev.vigil.report.Html;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare.html}: the comparison as one self-contained page, with what got worse in the
 * later run in red and what got better in green.
 */
public final class CompareHtml {

  private CompareHtml() {}

  /** @param target where the page goes: links to each run's {@code report.html} are relative to it */
  public static String render(Comparison c, Path target) {
    StringBuilder h = new StringBuilder(16384);
    head(h, List.of(c.a(), c.b()));
    h.append("<table class=\"runs\">");
    run(h, "A", c.a(), target);
    run(h, "B", c.b(), target);
    h.append("</table>");
    meta(h, c, "B", "A");
    table(h, c, "A", "B");
    regressions(h, Regressions.of(c), "B is no worse than A");
    h.append("</body></html>\n");
    return h.toString();
  }

  /**
   * Two or more runs: each against the one before it (one table per pair), then Gatling's statistics
   * of every run side by side with links to each Gatling report.
   *
   * @param target where the page goes: links are relative to it
   */
  public static String render(Trend trend, Path target) {
    StringBuilder h = new StringBuilder(32768);
    head(h, trend.runs());
    h.append("<table class=\"runs\">");
    for (int i = 0; i < trend.runs().size(); i++) {
      run(h, Trend.label(i), trend.runs().get(i), target);
    }
    h.append("</table>");
    if (trend.runs().size() > 2) {
      h.append("<p class=\"meta\">Runs in release order, oldest first; each is compared with the one before it.</p>");
    }
    for (int i = 0; i < trend.steps().size(); i++) {
      Comparison c = trend.steps().get(i);
      String a = Trend.label(i);
      String b = Trend.label(i + 1);
      if (trend.steps().size() > 1) {
        h.append("<h2 data-step=\"").append(a).append(b).append("\">").append(b).append(" against ").append(a).append("</h2>");
      }
      meta(h, c, b, a);
      table(h, c, a, b);
      regressions(h, Regressions.of(c, b), b + " is no worse than " + a);
    }
    GatlingTable.html(h, trend, target);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void head(StringBuilder h, List<Comparison.Run> runs) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigil comparison: ")
        .append(Html.esc(String.join(" vs ", runs.stream().map(Comparison.Run::runId).toList()))).append("</title><style>").append(CSS)
        .append("</style></head><body>\n<h1>Vigil comparison</h1>");
  }

  private static void meta(StringBuilder h, Comparison c, String b, String a) {
    h.append("<p class=\"meta\">Latency of the requests that succeeded (failures have their own column), in ")
        .append(Html.esc(CompareText.scope(c)))
        .append("; ").append(Html.esc(CompareText.test(c).replace("B against A", b + " against " + a)))
        .append(" (samples of up to 10,000 latencies per kind). Red: worse in ").append(b).append("; green: better.</p>");
  }

  private static void table(StringBuilder h, Comparison c, String la, String lb) {
    h.append("<table class=\"compare\"><thead><tr><th rowspan=\"2\">service</th><th colspan=\"2\">downtime</th><th colspan=\"2\">"
        + "downtime during</th><th colspan=\"2\">failed requests</th><th colspan=\"2\">p50</th><th colspan=\"2\">p95</th>"
        + "<th rowspan=\"2\">latency ").append(lb).append(" vs ").append(la).append("</th><th colspan=\"2\">verdict</th></tr><tr>");
    for (int i = 0; i < 6; i++) {
      h.append("<th>").append(la).append("</th><th>").append(lb).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (Comparison.ServiceRow r : c.services()) {
      Comparison.Figures a = r.a();
      Comparison.Figures b = r.b();
      h.append("<tr data-service=\"").append(Html.esc(r.service())).append("\"><td>").append(Html.esc(r.service())).append("</td>");
      Comparison.LatencyChange l = r.latency();
      // A latency difference is only coloured when the test says it is one.
      boolean significant = l != null && (l.direction().equals("slower") || l.direction().equals("faster"));
      pair(h, a == null ? null : a.downtimeSeconds(), b == null ? null : b.downtimeSeconds(), true, true);
      pair(h, a == null ? null : a.downtimeDuringSeconds(), b == null ? null : b.downtimeDuringSeconds(), true, true);
      pair(h, a == null ? null : (double) a.failures(), b == null ? null : (double) b.failures(), false, true);
      pair(h, a == null || a.p50() == null ? null : (double) a.p50(), b == null || b.p50() == null ? null : (double) b.p50(), false, significant);
      pair(h, a == null || a.p95() == null ? null : (double) a.p95(), b == null || b.p95() == null ? null : (double) b.p95(), false, significant);
      if (l == null) {
        h.append("<td>–</td>");
      } else {
        String cls = l.direction().equals("slower") ? "worse" : l.direction().equals("faster") ? "better" : "";
        h.append("<td class=\"").append(cls).append("\" data-direction=\"").append(l.direction()).append("\">")
            .append(l.direction().equals("same") ? "no significant change"
                : l.direction().equals(Comparison.LatencyChange.TOO_FEW) ? "not judged: too few requests of any kind" : l.direction() + " in " + lb)
            .append(" (median ").append(l.medianDeltaMs() >= 0 ? "+" : "").append(l.medianDeltaMs()).append(" ms")
            .append(Double.isNaN(l.pValue()) ? "" : ", p = " + Html.pValue(l.pValue()))
            .append(", n = ").append(a.latencyCount()).append(" → ").append(b.latencyCount()).append(")</td>");
      }
      String la2 = a == null ? "–" : a.level();
      String lb2 = b == null ? "–" : b.level();
      int ra = a == null ? -1 : a.rank();
      int rb = b == null ? -1 : b.rank();
      h.append("<td>").append(Html.esc(la2)).append("</td><td class=\"").append(ra >= 0 && rb >= 0 ? rb < ra ? "worse" : rb > ra ? "better" : "" : "")
          .append("\">").append(Html.esc(lb2)).append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  private static void regressions(StringBuilder h, List<String> regressions, String none) {
    if (regressions.isEmpty()) {
      h.append("<p class=\"better\" data-regressions=\"0\">No regression: ").append(Html.esc(none)).append(".</p>");
    } else {
      h.append("<h3>Regressions</h3><ul class=\"worse\" data-regressions=\"").append(regressions.size()).append("\">");
      regressions.forEach(r -> h.append("<li>").append(Html.esc(r)).append("</li>"));
      h.append("</ul>");
    }
  }

  private static void run(StringBuilder h, String label, Comparison.Run r, Path target) {
    h.append("<tr><th>").append(label).append("</th><td><b>").append(Html.esc(r.runId())).append("</b> (")
        .append(r.judged() ? "vigil run" : "vigil watch").append(r.cloud() == null ? "" : ", cloud " + Html.esc(r.cloud()))
        .append(String.format(Locale.ROOT, ", %.1f s", r.windowSeconds())).append(") in <code>").append(Html.esc(r.dir().toString()))
        .append("</code>");
    Path report = r.dir().resolve("report.html");
    if (Files.isRegularFile(report)) {
      h.append(" · <a href=\"").append(Html.esc(GatlingTable.href(report, target))).append("\">report</a>");
    }
    h.append("</td></tr>");
  }

  /** Two figures where more is worse; B coloured against A when {@code colour}. */
  private static void pair(StringBuilder h, Double a, Double b, boolean seconds, boolean colour) {
    h.append("<td class=\"num\">").append(text(a, seconds)).append("</td><td class=\"num");
    if (colour && a != null && b != null && !a.equals(b)) {
      h.append(b > a ? " worse" : " better");
    }
    h.append("\">").append(text(b, seconds)).append("</td>");
  }

  private static String text(Double v, boolean seconds) {
    if (v == null) {
      return "–";
    }
    return seconds ? Html.seconds(v) : Long.toString(Math.round(v));
  }

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:24px auto;max-width:1100px;padding:0 16px}
      h1{font-size:22px}.meta{color:#555}code{font:12px ui-monospace,monospace;background:#f4f4f4;padding:0 3px}
      table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left}
      th{background:#f6f6f6}td.num{text-align:right;white-space:nowrap}
      .worse{background:#fdecea;color:#c62828;font-weight:600}.better{background:#e6f4ea;color:#1a7f37;font-weight:600}
      """;
}
