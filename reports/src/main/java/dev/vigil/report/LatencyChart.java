package dev.vigil.report;

import dev.vigil.result.WindowResult;
import java.util.List;
import java.util.Locale;

/**
 * Latency over time of one service: p50 and p95 per column on a log scale (latencies span 5 ms to
 * a 60 s timeout), the phases and outages behind them, and under the plot the share of failed
 * requests per column. A column without requests breaks the lines.
 */
final class LatencyChart {

  static final double TOP = 8;
  static final double PLOT = 150;
  static final double FAIL_STRIP = 18;

  private LatencyChart() {}

  static String render(String service, List<LatencySeries.Column> columns, long stepMs, WindowResult w) {
    TimeScale scale = Charts.scale(w);
    double bottom = TOP + PLOT;
    long highest = 1;
    for (LatencySeries.Column c : columns) {
      highest = Math.max(highest, c.p95());
    }
    int decades = Math.max(1, (int) Math.ceil(Math.log10(highest + 1)));
    double failTop = bottom + 20;
    double height = failTop + FAIL_STRIP + 6;
    StringBuilder svg = new StringBuilder(16384);
    svg.append("<svg class=\"chart latency\" data-service=\"").append(Html.esc(service))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(Charts.WIDTH).append("\" height=\"").append(Html.num(height))
        .append("\" viewBox=\"0 0 ").append(Charts.WIDTH).append(' ').append(Html.num(height))
        .append("\" role=\"img\" aria-label=\"latency of ").append(Html.esc(service)).append(" over time\">");
    Charts.phaseBands(svg, w.phases(), scale, TOP, PLOT);
    WindowResult.ServiceResult s = w.services().get(service);
    if (s != null) {
      for (WindowResult.OutageEntry o : s.outages()) {
        double x1 = scale.x(o.start().toEpochMilli());
        svg.append("<rect class=\"outage-band\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(TOP)).append("\" width=\"")
            .append(Html.num(Math.max(TimelineChart.MIN_WIDTH, scale.x(o.end().toEpochMilli()) - x1))).append("\" height=\"")
            .append(Html.num(PLOT)).append("\"/>");
      }
    }
    Charts.timeAxis(svg, scale, TOP, bottom);
    for (int d = 0; d <= decades; d++) {
      double y = y(Math.pow(10, d), decades, bottom);
      svg.append("<line class=\"grid\" x1=\"").append(Charts.LEFT).append("\" x2=\"").append(Html.num(scale.left() + scale.width()))
          .append("\" y1=\"").append(Html.num(y)).append("\" y2=\"").append(Html.num(y)).append("\"/>");
      svg.append("<text class=\"tick\" x=\"").append(Charts.LEFT - 6).append("\" y=\"").append(Html.num(y + 4))
          .append("\" text-anchor=\"end\">").append(decadeLabel(d)).append("</text>");
    }
    line(svg, "p95", columns, stepMs, scale, decades, bottom, true);
    line(svg, "p50", columns, stepMs, scale, decades, bottom, false);

    Charts.label(svg, "failed", failTop + FAIL_STRIP / 2 + 4);
    svg.append("<rect class=\"lane-bg\" x=\"").append(Html.num(scale.left())).append("\" y=\"").append(Html.num(failTop))
        .append("\" width=\"").append(Html.num(scale.width())).append("\" height=\"").append(Html.num(FAIL_STRIP)).append("\"/>");
    for (LatencySeries.Column c : columns) {
      if (c.failures() > 0) {
        double x1 = scale.x(c.startMs());
        double x2 = scale.x(c.startMs() + stepMs);
        double share = (double) c.failures() / c.requests();
        double h = Math.max(1, share * FAIL_STRIP);
        svg.append("<rect class=\"failed\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(failTop + FAIL_STRIP - h))
            .append("\" width=\"").append(Html.num(Math.max(1, x2 - x1))).append("\" height=\"").append(Html.num(h)).append("\">");
        Charts.title(svg, Html.time(c.startMs()) + ": " + c.failures() + " of " + c.requests() + " requests failed");
        svg.append("</rect>");
      }
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static void line(StringBuilder svg, String name, List<LatencySeries.Column> columns, long stepMs, TimeScale scale, int decades,
      double bottom, boolean p95) {
    StringBuilder points = new StringBuilder();
    for (LatencySeries.Column c : columns) {
      long v = p95 ? c.p95() : c.p50();
      if (v < 0) {
        flush(svg, name, points);
        continue;
      }
      double x = scale.x(c.startMs() + stepMs / 2);
      points.append(points.length() == 0 ? "" : " ").append(Html.num(x)).append(',').append(Html.num(y(v, decades, bottom)));
    }
    flush(svg, name, points);
  }

  private static void flush(StringBuilder svg, String name, StringBuilder points) {
    if (points.length() == 0) {
      return;
    }
    // A lone point would be an invisible polyline: draw it as a dot.
    if (points.indexOf(" ") < 0) {
      String[] xy = points.toString().split(",");
      svg.append("<circle class=\"").append(name).append("\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2\"/>");
    } else {
      svg.append("<polyline class=\"").append(name).append("\" points=\"").append(points).append("\"/>");
    }
    points.setLength(0);
  }

  /** Log scale: 1 ms (and below) at the bottom, 10^decades ms at the top. */
  static double y(double ms, int decades, double bottom) {
    return bottom - Math.log10(Math.max(1, ms)) / decades * PLOT;
  }

  private static String decadeLabel(int d) {
    return d < 3 ? String.format(Locale.ROOT, "%d ms", (long) Math.pow(10, d)) : String.format(Locale.ROOT, "%d s", (long) Math.pow(10, d - 3));
  }
}
