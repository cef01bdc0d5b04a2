package dev.vigil.report;

import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.result.WindowResult;
import java.util.List;
import java.util.Map;

/**
 * The window as one SVG: a lane for the phases, one for the driver's steps and marks, and one per
 * service with its outages (the union of new and reused connections, as {@code downtime_seconds}
 * counts them) in red and the flows that failed or were lost; under a service, a thin lane per
 * load-balancer server of its backends with the server's states (UP, DRAIN, MAINT, DOWN). Every
 * lane shares the time axis.
 */
final class TimelineChart {

  static final double LANE = 26;
  static final double BAR = 16;
  /** An outage of a few ms is still a visible mark. */
  static final double MIN_WIDTH = 1.5;
  /** A load-balancer server's lane under its service. */
  static final double SERVER_LANE = 14;

  private TimelineChart() {}

  static String render(RunData data) {
    WindowResult w = data.window();
    TimeScale scale = Charts.scale(w);
    boolean steps = !data.steps().isEmpty();
    int lanes = 1 + (steps ? 1 : 0) + w.services().size();
    Map<String, List<BalancerSpans.Server>> balancer = BalancerSpans.of(data.balancer(), w.window().end().toEpochMilli());
    long serverLanes = w.services().keySet().stream().mapToLong(s -> balancer.getOrDefault(s, List.of()).size()).sum();
    double top = 6;
    double bottom = top + lanes * LANE + serverLanes * SERVER_LANE;
    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg class=\"chart timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(Charts.WIDTH)
        .append("\" height=\"").append(Html.num(bottom + 22)).append("\" viewBox=\"0 0 ").append(Charts.WIDTH).append(' ')
        .append(Html.num(bottom + 22)).append("\" role=\"img\" aria-label=\"timeline of the window\">");
    Charts.timeAxis(svg, scale, top, bottom);

    double y = top;
    Charts.label(svg, "phases", y + LANE / 2 + 4);
    if (w.phases().isEmpty()) {
      svg.append("<text class=\"tick\" x=\"").append(Html.num(scale.left() + 4)).append("\" y=\"").append(Html.num(y + LANE / 2 + 4))
          .append("\">none marked</text>");
    }
    for (WindowResult.PhaseSpan p : w.phases()) {
      double x1 = scale.x(p.start().toEpochMilli());
      double x2 = scale.x(p.end().toEpochMilli());
      svg.append("<g class=\"phase\" data-phase=\"").append(Html.esc(p.name())).append("\"><rect class=\"band ")
          .append(Charts.phaseClass(p.name())).append("\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(y + 3))
          .append("\" width=\"").append(Html.num(Math.max(0, x2 - x1))).append("\" height=\"").append(Html.num(LANE - 6)).append("\">");
      Charts.title(svg, p.name() + ": " + Html.time(p.start().toEpochMilli()) + " – " + Html.time(p.end().toEpochMilli()) + " UTC ("
          + Html.seconds((p.end().toEpochMilli() - p.start().toEpochMilli()) / 1000.0) + ")");
      svg.append("</rect>");
      if (x2 - x1 > 40) {
        svg.append("<text class=\"phase-name\" x=\"").append(Html.num((x1 + x2) / 2)).append("\" y=\"").append(Html.num(y + LANE / 2 + 4))
            .append("\" text-anchor=\"middle\">").append(Html.esc(p.name())).append("</text>");
      }
      svg.append("</g>");
    }
    y += LANE;

    if (steps) {
      Charts.label(svg, "driver, marks", y + LANE / 2 + 4);
      for (EventRecord e : data.steps()) {
        double x = scale.x(e.timestampMs());
        String kind = e.kind() == EventKind.MARK ? "mark" : e.kind() == EventKind.NOTE ? "note" : "step";
        svg.append("<line class=\"").append(kind).append("\" x1=\"").append(Html.num(x)).append("\" x2=\"").append(Html.num(x))
            .append("\" y1=\"").append(Html.num(y + 4)).append("\" y2=\"").append(Html.num(y + LANE - 4)).append("\">");
        Charts.title(svg, Html.time(e.timestampMs()) + " " + kind + (e.service() == null ? "" : " " + e.service()) + ": " + e.text());
        svg.append("</line>");
      }
      y += LANE;
    }

    for (Map.Entry<String, WindowResult.ServiceResult> s : new java.util.TreeMap<>(w.services()).entrySet()) {
      String service = s.getKey();
      svg.append("<g class=\"service\" data-service=\"").append(Html.esc(service)).append("\">");
      Charts.label(svg, service, y + LANE / 2 + 4);
      svg.append("<rect class=\"lane-bg\" x=\"").append(Html.num(scale.left())).append("\" y=\"").append(Html.num(y + (LANE - BAR) / 2))
          .append("\" width=\"").append(Html.num(scale.width())).append("\" height=\"").append(Html.num(BAR)).append("\"/>");
      WindowResult.Coverage coverage = s.getValue().coverage();
      for (WindowResult.BlindInterval b : coverage == null ? List.<WindowResult.BlindInterval>of() : coverage.blindIntervals()) {
        // grey under the outages: nothing was measured there, so nothing is known
        double x1 = scale.x(b.start().toEpochMilli());
        double width = Math.max(MIN_WIDTH, scale.x(b.end().toEpochMilli()) - x1);
        svg.append("<rect class=\"blind\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(y + (LANE - BAR) / 2))
            .append("\" width=\"").append(Html.num(width)).append("\" height=\"").append(Html.num(BAR)).append("\" data-start=\"")
            .append(b.start()).append("\" data-end=\"").append(b.end()).append("\">");
        Charts.title(svg, service + " blind (" + b.connection() + " connections) " + Html.time(b.start().toEpochMilli()) + " – "
            + Html.time(b.end().toEpochMilli()) + " UTC (" + Html.seconds(b.seconds()) + "): " + b.cause());
        svg.append("</rect>");
      }
      for (WindowResult.OutageEntry o : s.getValue().outages()) {
        double x1 = scale.x(o.start().toEpochMilli());
        double width = Math.max(MIN_WIDTH, scale.x(o.end().toEpochMilli()) - x1);
        svg.append("<rect class=\"outage").append(o.ongoing() ? " ongoing" : "").append("\" x=\"").append(Html.num(x1)).append("\" y=\"")
            .append(Html.num(y + (LANE - BAR) / 2)).append("\" width=\"").append(Html.num(width)).append("\" height=\"").append(Html.num(BAR))
            .append("\" data-start=\"").append(o.start()).append("\" data-end=\"").append(o.end()).append("\">");
        Charts.title(svg, service + " outage " + Html.time(o.start().toEpochMilli()) + " – " + Html.time(o.end().toEpochMilli()) + " UTC ("
            + Html.seconds(o.seconds()) + (o.ongoing() ? ", still down at the window's end" : "") + ")");
        svg.append("</rect>");
      }
      for (FlowRecord f : data.troubledFlows()) {
        if (f.service().equals(service)) {
          double x = scale.x(f.acceptedMs());
          double cy = y + LANE / 2;
          svg.append("<path class=\"flow ").append(f.outcome().name().toLowerCase(java.util.Locale.ROOT)).append("\" d=\"M")
              .append(Html.num(x)).append(' ').append(Html.num(cy - 6)).append(" l5 10 h-10 z\">");
          Charts.title(svg, service + " flow " + f.flow() + " accepted " + Html.time(f.acceptedMs()) + ", " + f.outcome().name()
              + (f.detail().isEmpty() ? "" : ": " + f.detail()));
          svg.append("</path>");
        }
      }
      svg.append("</g>");
      y += LANE;
      for (BalancerSpans.Server server : balancer.getOrDefault(service, List.of())) {
        serverLane(svg, scale, service, server, y);
        y += SERVER_LANE;
      }
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static void serverLane(StringBuilder svg, TimeScale scale, String service, BalancerSpans.Server server, double y) {
    svg.append("<g class=\"lb-server\" data-service=\"").append(Html.esc(service)).append("\" data-server=\"")
        .append(Html.esc(server.server())).append("\">");
    svg.append("<text class=\"lb-name\" x=\"").append(Html.num(scale.left() - 6)).append("\" y=\"").append(Html.num(y + SERVER_LANE - 4))
        .append("\" text-anchor=\"end\">").append(Html.esc(server.server())).append("</text>");
    for (BalancerSpans.Span span : server.spans()) {
      double x1 = scale.x(span.startMs());
      double width = Math.max(MIN_WIDTH, scale.x(span.endMs()) - x1);
      svg.append("<rect class=\"").append(span.cssClass()).append("\" x=\"").append(Html.num(x1)).append("\" y=\"").append(Html.num(y + 2))
          .append("\" width=\"").append(Html.num(width)).append("\" height=\"").append(Html.num(SERVER_LANE - 4)).append("\" data-state=\"")
          .append(Html.esc(span.state())).append("\" data-start=\"").append(java.time.Instant.ofEpochMilli(span.startMs())).append("\">");
      Charts.title(svg, server.backend() + "/" + server.server() + " " + span.state() + " from " + Html.time(span.startMs()) + " to "
          + Html.time(span.endMs()) + " UTC (" + Html.seconds((span.endMs() - span.startMs()) / 1000.0) + "), as the load balancer read it");
      svg.append("</rect>");
    }
    svg.append("</g>");
  }
}
