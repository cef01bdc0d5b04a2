package dev.vigil.compare;

import dev.vigil.gatling.GatlingStatistics;
import dev.vigil.gatling.RequestStatistics;
import dev.vigil.report.Html;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Gatling's global statistics of every run of a {@link Trend}, one block per request name with a
 * line per run, so that a figure's trend across releases reads down a column.
 */
final class GatlingTable {

  static final String TITLE = "Gatling's statistics per request, as its report computes them from each run's simulation.log"
      + " (response times in ms, OK and KO together)";

  private static final String[] HEAD = {"requests", "OK", "KO", "% KO", "Cnt/s", "min", "p50", "p75", "p95", "p99", "max", "mean", "std dev"};

  private GatlingTable() {}

  static void text(StringBuilder t, Trend trend) {
    t.append(TITLE).append(":\n");
    sources(trend, (label, side) -> t.append(label).append(": ")
        .append(side.statistics() == null ? "no Gatling figures: " + side.problem() : source(side.statistics())).append('\n'));
    String format = "%-44s %-3s" + " %9s".repeat(HEAD.length) + "%n";
    List<Object> head = new ArrayList<>(List.of("REQUEST", "RUN"));
    for (String h : HEAD) {
      head.add(h.toUpperCase(Locale.ROOT));
    }
    t.append(String.format(Locale.ROOT, format, head.toArray()));
    for (String name : names(trend)) {
      for (int i = 0; i < trend.gatling().size(); i++) {
        List<Object> cells = new ArrayList<>(List.of(i == 0 ? name : "", Trend.label(i)));
        cells.addAll(cells(row(trend.gatling().get(i), name)));
        t.append(String.format(Locale.ROOT, format, cells.toArray()));
      }
    }
  }

  static void html(StringBuilder h, Trend trend, Path target) {
    h.append("<h2>Gatling's statistics</h2><p class=\"meta\">").append(Html.esc(TITLE)).append(".</p><ul class=\"gatling-sources\">");
    sources(trend, (label, side) -> {
      h.append("<li><b>").append(label).append("</b>: ");
      if (side.statistics() == null) {
        h.append("no Gatling figures: ").append(Html.esc(side.problem()));
      } else {
        h.append(Html.esc(source(side.statistics())));
        side.statistics().index().ifPresent(index -> h.append(" · <a class=\"gatling-report\" href=\"").append(Html.esc(href(index, target)))
            .append("\">Gatling report</a>"));
      }
      h.append("</li>");
    });
    h.append("</ul><table class=\"compare gatling\"><thead><tr><th>request</th><th>run</th>");
    for (String head : HEAD) {
      h.append("<th>").append(head).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String name : names(trend)) {
      int n = trend.gatling().size();
      for (int i = 0; i < n; i++) {
        h.append("<tr data-request=\"").append(Html.esc(name)).append("\" data-run=\"").append(Trend.label(i)).append("\">");
        if (i == 0) {
          h.append("<td rowspan=\"").append(n).append("\">").append(Html.esc(name)).append("</td>");
        }
        h.append("<th>").append(Trend.label(i)).append("</th>");
        cells(row(trend.gatling().get(i), name)).forEach(c -> h.append("<td class=\"num\">").append(c).append("</td>"));
        h.append("</tr>");
      }
    }
    h.append("</tbody></table>");
  }

  static String href(Path page, Path target) {
    Path base = target.toAbsolutePath().getParent();
    return base == null ? page.toString() : base.relativize(page.toAbsolutePath()).toString();
  }

  private interface SourceLine {
    void accept(String label, Trend.GatlingSide side);
  }

  private static void sources(Trend trend, SourceLine line) {
    for (int i = 0; i < trend.gatling().size(); i++) {
      line.accept(Trend.label(i), trend.gatling().get(i));
    }
  }

  private static String source(GatlingStatistics g) {
    return g.simulation() + " (Gatling " + g.gatlingVersion() + ")" + (g.partial() ? ", log cut short: figures of what was written" : "")
        + " in " + g.report();
  }

  /** All requests first, then every request name any run logged, in name order. */
  private static List<String> names(Trend trend) {
    TreeSet<String> names = new TreeSet<>();
    trend.gatling().forEach(side -> {
      if (side.statistics() != null) {
        side.statistics().requests().forEach(r -> names.add(r.name()));
      }
    });
    List<String> all = new ArrayList<>();
    all.add(RequestStatistics.ALL);
    all.addAll(names);
    return all;
  }

  private static Optional<RequestStatistics> row(Trend.GatlingSide side, String name) {
    if (side.statistics() == null) {
      return Optional.empty();
    }
    if (name.equals(RequestStatistics.ALL)) {
      return Optional.of(side.statistics().all());
    }
    return side.statistics().requests().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static List<String> cells(Optional<RequestStatistics> row) {
    if (row.isEmpty()) {
      return java.util.Collections.nCopies(HEAD.length, "-");
    }
    RequestStatistics r = row.get();
    if (r.total() == 0) {
      return java.util.Collections.nCopies(HEAD.length, "-");
    }
    // Gatling's own number format (###.##), so that the figures read as on its page
    DecimalFormat f = new DecimalFormat("###.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    return List.of(Long.toString(r.total()), Long.toString(r.ok()), Long.toString(r.ko()), f.format(r.koPercent()), f.format(r.perSecond()),
        Integer.toString(r.min()), Integer.toString(r.p50()), Integer.toString(r.p75()), Integer.toString(r.p95()), Integer.toString(r.p99()),
        Integer.toString(r.max()), Integer.toString(r.mean()), Integer.toString(r.stdDev()));
  }
}
