package dev.vigil.report;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.result.RunResult;
import dev.vigil.result.ServiceVerdict;
import dev.vigil.result.WindowResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched) with
 * the verdict, the timeline, latency over time, the figures per service and phase, the flows, the
 * validators and the recording's health.
 */
public final class ReportPage {

  /** Outages listed per service; the timeline draws them all. */
  static final int MAX_OUTAGES_LISTED = 50;

  private ReportPage() {}

  public static String render(RunData d) {
    WindowResult w = d.window();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Vigil report: ").append(Html.esc(w.runId())).append("</title><style>").append(Style.CSS).append("</style></head><body>\n");
    header(h, d);
    verdicts(h, d);
    timeline(h, d);
    latency(h, d);
    figures(h, d);
    flows(h, d);
    validators(h, d);
    recording(h, d);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, RunData d) {
    WindowResult w = d.window();
    h.append("<header><h1>Vigil report: <span id=\"run-id\">").append(Html.esc(w.runId())).append("</span></h1><p class=\"meta\">");
    h.append(d.judged() ? "upgrade run (<code>vigil run</code>)" : "observation window (<code>vigil watch</code>)");
    if (w.cloud() != null) {
      h.append(" on cloud <b>").append(Html.esc(w.cloud())).append("</b>");
    }
    h.append(" · window ").append(Html.dateTime(w.window().start())).append(" → ").append(Html.time(w.window().end().toEpochMilli()))
        .append(" (").append(Html.seconds(w.window().seconds())).append(")");
    h.append(" · services ").append(Html.esc(String.join(", ", services(d))));
    h.append("</p>");
    if (d.madeBy() != null) {
      h.append("<p class=\"meta\" id=\"made-by\">made by ").append(Html.esc(d.madeBy().line())).append("</p>");
    }
    if (d.judged()) {
      RunResult.RunSummary r = d.run();
      h.append("<p class=\"meta\">driver <b>").append(Html.esc(r.driver())).append("</b>");
      if (d.upgradeCommand() != null) {
        h.append(" <code>").append(Html.esc(d.upgradeCommand())).append("</code>");
      }
      h.append(String.format(Locale.ROOT, " · %.1f s", r.driverSeconds()));
      if (r.driverExitCode() != null) {
        h.append(" · exit code ").append(r.driverExitCode());
      }
      if (r.driverError() != null) {
        h.append(" · <span class=\"bad\">").append(Html.esc(r.driverError())).append("</span>");
      }
      h.append("</p>");
    }
    if (d.computed()) {
      h.append("<p class=\"warn\">This folder has no result.json (the window ended before writing it): the figures were computed from its"
          + " records.</p>");
    }
    h.append("</header>\n");
  }

  private static void verdicts(StringBuilder h, RunData d) {
    h.append("<section id=\"verdict\"><h2>Verdict</h2>");
    if (!d.judged()) {
      h.append("<p class=\"no-verdict\" id=\"verdict-summary\">No verdict: this is a <code>vigil watch</code> window, which measures"
          + " without judging. <code>vigil run</code> judges an upgrade.</p></section>\n");
      return;
    }
    RunResult.RunSummary r = d.run();
    String outcome = r.interrupted() ? "INTERRUPTED" : r.passed() ? "PASSED" : r.inconclusive() ? "INCONCLUSIVE" : "FAILED";
    h.append("<p id=\"verdict-summary\" class=\"summary ").append(r.passed() ? "good" : r.inconclusive() ? "unknown" : "bad").append("\">").append(outcome).append(": ")
        .append(r.passed() ? "every service meets " : "every service must meet ").append(Html.esc(r.require()))
        .append(r.driverError() != null ? ", and the driver's step failed" : "").append("</p>");
    h.append("<table class=\"verdicts\"><thead><tr><th>service</th><th>release before → after</th><th>rolling</th><th>zero-downtime</th>"
        + "<th>zero-impact</th><th>accessible</th><th>downtime during</th></tr></thead><tbody>");
    for (Map.Entry<String, ServiceVerdict> e : new TreeMap<>(d.verdicts()).entrySet()) {
      ServiceVerdict v = e.getValue();
      WindowResult.ServiceResult s = d.window().services().get(e.getKey());
      WindowResult.PhaseResult during = s == null ? null : s.phases().get("during");
      h.append("<tr data-service=\"").append(Html.esc(e.getKey())).append("\"><td>").append(Html.esc(e.getKey())).append("</td><td>")
          .append(Html.esc(v.release().before())).append(" → ").append(Html.esc(v.release().after())).append("</td>");
      cell(h, "rolling", v.verdict().rolling());
      cell(h, "zero_downtime", v.verdict().zeroDowntime());
      cell(h, "zero_impact", v.verdict().zeroImpact());
      cell(h, "accessible", v.verdict().accessible());
      h.append("<td class=\"num\">").append(during == null ? "–" : Html.seconds(during.downtimeSeconds())).append("</td></tr>");
    }
    h.append("</tbody></table>");
    for (Map.Entry<String, ServiceVerdict> e : new TreeMap<>(d.verdicts()).entrySet()) {
      h.append("<details class=\"reasons\" data-service=\"").append(Html.esc(e.getKey())).append("\"")
          .append(e.getValue().reasons().stream().anyMatch(x -> x.contains(": NOT met: ") || x.contains(": inconclusive: ")) ? " open" : "")
          .append("><summary>")
          .append(Html.esc(e.getKey())).append(": why</summary><ul>");
      for (String reason : e.getValue().reasons()) {
        h.append("<li class=\"").append(reason.contains(": NOT met: ") ? "bad" : reason.contains(": inconclusive: ") ? "unknown" : "good")
            .append("\">").append(Html.esc(reason)).append("</li>");
      }
      h.append("</ul></details>");
    }
    h.append("</section>\n");
  }

  private static void cell(StringBuilder h, String verdict, ServiceVerdict.Answer answer) {
    h.append("<td class=\"verdict ").append(answer.label()).append("\" data-verdict=\"").append(verdict).append("\">")
        .append(switch (answer) {
          case YES -> "yes";
          case NO -> "NO";
          case INCONCLUSIVE -> "inconclusive";
        }).append("</td>");
  }

  private static void timeline(StringBuilder h, RunData d) {
    h.append("<section id=\"timeline\"><h2>Timeline</h2>");
    h.append("<p class=\"legend\"><span class=\"key phase-before\"></span>before <span class=\"key phase-during\"></span>during "
        + "<span class=\"key phase-after\"></span>after <span class=\"key outage\"></span>outage (failed uptime probes, new or reused "
        + "connections) <span class=\"key blind\"></span>blind (no probe started: nothing known) <span class=\"key step\"></span>driver step <span class=\"key mark\"></span>mark "
        + "<span class=\"key flow\"></span>flow failed or lost")
        .append(d.balancer().isEmpty() ? "" : "; load-balancer servers under their service: <span class=\"key lb-up\"></span>UP "
            + "<span class=\"key lb-drain\"></span>DRAIN <span class=\"key lb-maint\"></span>MAINT <span class=\"key lb-down\"></span>DOWN"
            + " (each state from the reading that saw it, read every second or as balancer.every says)")
        .append(". Times from the window's start at ").append(Html.dateTime(d.window().window().start())).append("; hover for details.</p>");
    h.append(TimelineChart.render(d));
    if (!d.steps().isEmpty()) {
      h.append("<details class=\"steps\"").append(d.steps().size() <= 40 ? " open" : "").append("><summary>")
          .append(d.steps().size() + d.stepsLeftOut()).append(" driver steps, marks and notes</summary><table><thead><tr><th>time (UTC)</th>"
              + "<th>offset</th><th>kind</th><th>service</th><th>text</th></tr></thead><tbody>");
      long start = d.window().window().start().toEpochMilli();
      for (EventRecord e : d.steps()) {
        h.append("<tr><td>").append(Html.time(e.timestampMs())).append("</td><td>").append(Html.offset(e.timestampMs() - start))
            .append("</td><td>").append(e.kind().name().toLowerCase(Locale.ROOT)).append("</td><td>").append(Html.esc(e.service()))
            .append("</td><td><code>").append(Html.esc(e.text())).append("</code></td></tr>");
      }
      h.append("</tbody></table>");
      if (d.stepsLeftOut() > 0) {
        h.append("<p>").append(d.stepsLeftOut()).append(" more in events.tsv (and driver.log).</p>");
      }
      h.append("</details>");
    }
    h.append("</section>\n");
  }

  private static void latency(StringBuilder h, RunData d) {
    h.append("<section id=\"latency\"><h2>Latency over time</h2>");
    Map<String, List<LatencySeries.Column>> columns = d.latency().columns();
    if (columns.isEmpty()) {
      h.append("<p>No request was recorded.</p></section>\n");
      return;
    }
    h.append("<p class=\"legend\"><span class=\"key p50\"></span>p50 <span class=\"key p95\"></span>p95 of the requests to the service"
        + " that succeeded (probes, flows, load) per ").append(Html.offset(d.latency().stepMs()).substring(1))
        .append(" column, log scale, within about 3 %; <span class=\"key failed\"></span>share of failed requests. The exact figures per"
            + " phase, which count failed requests too, are in the table below.</p>");
    columns.forEach((service, list) -> h.append("<h3>").append(Html.esc(service)).append("</h3>")
        .append(LatencyChart.render(service, list, d.latency().stepMs(), d.window())));
    h.append("</section>\n");
  }

  private static void figures(StringBuilder h, RunData d) {
    WindowResult w = d.window();
    h.append("<section id=\"figures\"><h2>Figures per service</h2>");
    if (w.services().isEmpty()) {
      h.append("<p>No request was recorded.</p></section>\n");
      return;
    }
    h.append("<table class=\"figures\"><thead><tr><th>service</th><th>phase</th><th>requests</th><th>failed</th><th>downtime</th>"
        + "<th>p50</th><th>p95</th><th>p99</th><th>max</th><th>vs baseline</th></tr></thead><tbody>");
    for (Map.Entry<String, WindowResult.ServiceResult> e : new TreeMap<>(w.services()).entrySet()) {
      WindowResult.ServiceResult s = e.getValue();
      h.append("<tr class=\"total\" data-service=\"").append(Html.esc(e.getKey())).append("\"><td>").append(Html.esc(e.getKey()))
          .append("</td><td>whole window</td>");
      row(h, s.requests(), s.failures(), s.downtimeSeconds(), s.latencyMs());
      h.append("<td></td></tr>");
      for (Map.Entry<String, WindowResult.PhaseResult> p : s.phases().entrySet()) {
        WindowResult.PhaseResult r = p.getValue();
        h.append("<tr data-service=\"").append(Html.esc(e.getKey())).append("\" data-phase=\"").append(Html.esc(p.getKey()))
            .append("\"><td></td><td>").append(Html.esc(p.getKey())).append("</td>");
        row(h, r.requests(), r.failures(), r.downtimeSeconds(), r.latencyMs());
        WindowResult.LatencyChange c = r.latencyVsBaseline();
        h.append(c == null || c.outcome() == null ? "<td>" : "<td class=\"" + ("slower".equals(c.outcome()) ? "bad" : "") + "\" data-outcome=\""
            + Html.esc(c.outcome()) + "\">").append(c == null ? "" : Html.esc(vsBaseline(c))).append("</td></tr>");
      }
    }
    h.append("</tbody></table>");
    for (Map.Entry<String, WindowResult.ServiceResult> e : new TreeMap<>(w.services()).entrySet()) {
      List<WindowResult.OutageEntry> outages = e.getValue().outages();
      if (outages.isEmpty()) {
        continue;
      }
      h.append("<details class=\"outages\" data-service=\"").append(Html.esc(e.getKey())).append("\"><summary>").append(Html.esc(e.getKey()))
          .append(": ").append(outages.size()).append(outages.size() == 1 ? " outage" : " outages").append(", longest ")
          .append(Html.seconds(e.getValue().longestOutageSeconds())).append("</summary><table><thead><tr><th>start (UTC)</th><th>end</th>"
              + "<th>length</th><th title=\"each edge is late by at most this: the gap to the probe before it\">edges within</th>"
              + "<th>likely cause</th></tr></thead><tbody>");
      for (WindowResult.OutageEntry o : outages.subList(0, Math.min(outages.size(), MAX_OUTAGES_LISTED))) {
        h.append("<tr><td>").append(Html.time(o.start().toEpochMilli())).append("</td><td>").append(Html.time(o.end().toEpochMilli()))
            .append(o.ongoing() ? " (still down)" : "").append("</td><td class=\"num\">").append(Html.seconds(o.seconds()))
            .append("</td><td class=\"num\">").append(edges(o)).append("</td><td>").append(Html.esc(o.cause().strip())).append("</td></tr>")
            .append(WhyHtml.row(o, 5));
      }
      h.append("</tbody></table>");
      if (outages.size() > MAX_OUTAGES_LISTED) {
        h.append("<p>").append(outages.size() - MAX_OUTAGES_LISTED).append(" more in result.json.</p>");
      }
      h.append("</details>");
    }
    h.append("</section>\n");
  }

  /**
   * The zero-impact test's word on a phase, e.g. "slower than before: probe list-images (new) median 12 → 40
   * ms"; the kinds that were slower are named, else the count judged. Files from before the per-kind
   * test have no outcome and show nothing.
   */
  static String vsBaseline(WindowResult.LatencyChange c) {
    if (c.outcome() == null) {
      return "";
    }
    List<WindowResult.KindChange> slower = c.kinds().stream().filter(k -> "slower".equals(k.outcome()) || "stalls".equals(k.outcome())).toList();
    long judged = c.kinds().stream().filter(k -> !"too_few".equals(k.outcome())).count();
    return switch (c.outcome()) {
      case "slower" -> "slower than " + c.baseline() + ": " + String.join("; ", slower.stream().map(k -> k.kind() + ("stalls".equals(k.outcome())
          ? " stalls (" + k.stalls() + " of " + k.count() + ")" : " median " + Html.num(k.baselineMedianMs()) + " → " + Html.num(k.medianMs()) + " ms")).toList());
      case "not_slower" -> "not slower than " + c.baseline() + " (" + judged + (judged == 1 ? " kind" : " kinds") + " judged)";
      default -> "not judged: too few requests of each kind";
    };
  }

  /** "−95 / −100 ms": how much earlier each edge may really have been; "–" for a window's own edge. */
  private static String edges(WindowResult.OutageEntry o) {
    return edge(o.startUncertaintyMs()) + " / " + (o.ongoing() ? "–" : edge(o.endUncertaintyMs())) + " ms";
  }

  private static String edge(long ms) {
    return ms == 0 ? "–" : "−" + ms;
  }

  private static void row(StringBuilder h, long requests, long failures, double downtime, WindowResult.Latency l) {
    h.append("<td class=\"num\">").append(requests).append("</td><td class=\"num").append(failures > 0 ? " bad" : "").append("\">")
        .append(failures).append("</td><td class=\"num").append(downtime > 0 ? " bad" : "").append("\">").append(Html.seconds(downtime))
        .append("</td><td class=\"num\">").append(Html.ms(l.p50())).append("</td><td class=\"num\">").append(Html.ms(l.p95()))
        .append("</td><td class=\"num\">").append(Html.ms(l.p99())).append("</td><td class=\"num\">").append(Html.ms(l.max())).append("</td>");
  }

  private static void flows(StringBuilder h, RunData d) {
    h.append("<section id=\"flows\"><h2>Availability flows</h2>");
    if (d.flows().isEmpty()) {
      h.append("<p>No availability flow ran in this window.</p></section>\n");
      return;
    }
    h.append("<table class=\"flows\"><thead><tr><th>service</th><th>flow</th><th>honoured</th><th>failed</th><th>lost</th></tr></thead><tbody>");
    new TreeMap<>(d.flows()).forEach((service, kinds) -> new TreeMap<>(kinds).forEach((flow, c) -> h.append("<tr data-service=\"")
        .append(Html.esc(service)).append("\" data-flow=\"").append(Html.esc(flow)).append("\"><td>").append(Html.esc(service))
        .append("</td><td>").append(Html.esc(flow)).append("</td><td class=\"num\">").append(c.honoured()).append("</td><td class=\"num")
        .append(c.failed() > 0 ? " bad" : "").append("\">").append(c.failed()).append("</td><td class=\"num").append(c.lost() > 0 ? " bad" : "")
        .append("\">").append(c.lost()).append("</td></tr>")));
    h.append("</tbody></table>");
    if (!d.troubledFlows().isEmpty()) {
      h.append("<details class=\"troubled\"><summary>flows that failed or were lost</summary><table><thead><tr><th>accepted (UTC)</th>"
          + "<th>service</th><th>flow</th><th>outcome</th><th>resource</th><th>detail</th></tr></thead><tbody>");
      for (FlowRecord f : d.troubledFlows()) {
        h.append("<tr><td>").append(Html.time(f.acceptedMs())).append("</td><td>").append(Html.esc(f.service())).append("</td><td>")
            .append(Html.esc(f.flow())).append("</td><td class=\"bad\">").append(f.outcome().name()).append("</td><td><code>")
            .append(Html.esc(f.resourceId())).append("</code></td><td>").append(Html.esc(f.detail())).append("</td></tr>");
      }
      h.append("</tbody></table></details>");
    }
    h.append("</section>\n");
  }

  private static void validators(StringBuilder h, RunData d) {
    h.append("<section id=\"validators\"><h2>Validators</h2>");
    if (d.checks().isEmpty()) {
      h.append("<p>No validator ran: ").append(d.judged() ? "the run stopped before them." : "<code>vigil watch</code> runs none.")
          .append("</p></section>\n");
      return;
    }
    for (RunData.CheckFile c : d.checks()) {
      h.append("<h3 data-check=\"").append(Html.esc(c.name())).append("\">").append(Html.esc(c.name())).append(" <span class=\"")
          .append(c.passed() ? "good" : "bad").append("\">").append(c.passed() ? "passed" : "FAILED").append("</span></h3>");
      h.append("<table class=\"outcomes\"><thead><tr><th>service</th><th>test</th><th>status</th><th>message</th></tr></thead><tbody>");
      for (Outcome o : c.outcomes()) {
        String status = o.status().name().toLowerCase(Locale.ROOT);
        h.append("<tr class=\"").append(status).append("\"><td>").append(Html.esc(o.service() == null ? "(cloud)" : o.service()))
            .append("</td><td>").append(Html.esc(o.test())).append("</td><td class=\"status ").append(status).append("\">")
            .append(o.status().name()).append("</td><td>").append(Html.esc(o.message()));
        if (!o.evidence().isEmpty()) {
          h.append("<details><summary>evidence</summary><pre>").append(Html.esc(String.join("\n", o.evidence()))).append("</pre></details>");
        }
        h.append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</section>\n");
  }

  /** Probes asked for against probes recorded, and every blind interval with its cause. */
  private static void coverage(StringBuilder h, RunData d) {
    Map<String, WindowResult.ServiceResult> services = new TreeMap<>(d.window().services());
    if (services.values().stream().allMatch(s -> s.coverage() == null)) {
      return;
    }
    h.append("<table class=\"coverage\"><thead><tr><th>service</th><th>probes asked for</th><th>recorded</th><th>held back</th>"
        + "<th>coverage</th><th>blind</th></tr></thead><tbody>");
    for (Map.Entry<String, WindowResult.ServiceResult> e : services.entrySet()) {
      WindowResult.Coverage c = e.getValue().coverage();
      if (c == null) {
        continue;
      }
      h.append("<tr data-service=\"").append(Html.esc(e.getKey())).append("\"><td>").append(Html.esc(e.getKey())).append("</td><td class=\"num\">")
          .append(c.expected()).append("</td><td class=\"num\">").append(c.recorded()).append("</td><td class=\"num\">").append(c.heldBack())
          .append("</td><td class=\"num\">").append(String.format(java.util.Locale.ROOT, "%.1f %%", c.fraction() * 100))
          .append("</td><td class=\"num").append(c.blindSeconds() > 0 ? " bad" : "").append("\">").append(Html.seconds(c.blindSeconds()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    for (Map.Entry<String, WindowResult.ServiceResult> e : services.entrySet()) {
      WindowResult.Coverage c = e.getValue().coverage();
      if (c == null || c.blindIntervals().isEmpty()) {
        continue;
      }
      h.append("<details class=\"blind\" data-service=\"").append(Html.esc(e.getKey())).append("\" open><summary>").append(Html.esc(e.getKey()))
          .append(": ").append(c.blindIntervals().size()).append(" blind interval(s)</summary><ul>");
      for (WindowResult.BlindInterval b : c.blindIntervals().subList(0, Math.min(c.blindIntervals().size(), MAX_OUTAGES_LISTED))) {
        h.append("<li>").append(Html.time(b.start().toEpochMilli())).append(" – ").append(Html.time(b.end().toEpochMilli())).append(" UTC (")
            .append(Html.seconds(b.seconds())).append(", ").append(Html.esc(b.connection())).append(" connections): ").append(Html.esc(b.cause()))
            .append("</li>");
      }
      h.append("</ul></details>");
    }
  }

  private static void recording(StringBuilder h, RunData d) {
    WindowResult.Recording r = d.window().recording();
    h.append("<section id=\"recording\"><h2>Recording</h2><p>").append(r.records()).append(" requests, ").append(r.flows())
        .append(" flows and ").append(r.events()).append(" events read from ").append(Html.esc(d.dir().toString())).append(".");
    if (r.lost() > 0) {
      h.append(" <span class=\"bad\">").append(r.lost()).append(" records LOST by the recorder</span>.");
    }
    if (r.lateProbes() > 0) {
      h.append(" <span class=\"bad\">").append(r.lateProbes()).append(" probes came too late to place in the outage timeline</span>.");
    }
    if (!r.truncatedFiles().isEmpty()) {
      h.append(" Cut last line skipped in ").append(Html.esc(String.join(", ", r.truncatedFiles()))).append(".");
    }
    if (!r.windowClosed()) {
      h.append(" <span class=\"bad\">The injector (Gatling JVM) did not close the window: it died or was killed")
          .append(r.observersExitCode() == null ? "" : " (exit code " + r.observersExitCode() + ")").append("</span>.");
    }
    h.append("</p>");
    coverage(h, d);
    if (d.gatlingReport() != null) {
      h.append("<p>Gatling's own report: <a href=\"").append(Html.esc(d.gatlingReport())).append("\">").append(Html.esc(d.gatlingReport()))
          .append("</a></p>");
    }
    h.append("</section>\n");
  }

  private static List<String> services(RunData d) {
    TreeSet<String> names = new TreeSet<>(d.window().services().keySet());
    names.addAll(d.verdicts().keySet());
    return List.copyOf(names);
  }
}
