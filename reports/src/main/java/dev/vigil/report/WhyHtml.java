package dev.vigil.report;

import dev.vigil.result.WindowResult;

/**
 * An outage's {@code why} as a row under it: how many of its requests failed and how many never
 * reached the service, then each looked-up request id with the log lines that carry it, or that
 * none does. Log text is escaped: it is the cloud's, not Vigil's.
 */
final class WhyHtml {

  private WhyHtml() {}

  /** The row, or nothing for an outage nobody looked into (an older result.json). */
  static String row(WindowResult.OutageEntry o, int columns) {
    WindowResult.Why why = o.why();
    if (why == null) {
      return "";
    }
    StringBuilder h = new StringBuilder("<tr class=\"why\"><td colspan=\"").append(columns).append("\"><p>")
        .append(why.failedRequests()).append(why.failedRequests() == 1 ? " failed request" : " failed requests");
    if (why.withoutRequestId() > 0) {
      h.append(", ").append(why.withoutRequestId()).append(" without a request id (answered by the load balancer or refused:"
          + " they never reached the service)");
    }
    h.append("</p>");
    if (!why.balancerLines().isEmpty()) {
      h.append("<div class=\"balancer-log\">The load balancer's log for this outage (").append(why.balancerLines().size())
          .append(why.balancerLines().size() == 1 ? " line" : " lines").append("; why, then the line):<pre>")
          .append(Html.esc(String.join("\n", why.balancerLines()))).append("</pre></div>");
    }
    for (WindowResult.RequestLines r : why.requests()) {
      h.append("<div class=\"request\" data-request-id=\"").append(Html.esc(r.requestId())).append("\"><code>").append(Html.esc(r.requestId()))
          .append("</code> ").append(Html.esc(r.method() + " " + r.request() + " (" + r.traffic() + ")")).append(", ")
          .append(r.status() == 0 ? "no answer" : "status " + r.status()).append(", ").append(Html.esc(r.error())).append(" at ")
          .append(Html.time(r.start().toEpochMilli())).append(": ");
      if (r.found() == null) {
        h.append("logs not searched");
      } else if (!r.found()) {
        h.append("no line of the service's logs carries this id");
      } else {
        h.append(r.lines().size()).append(r.lines().size() == 1 ? " log line" : " log lines").append("<pre>")
            .append(Html.esc(String.join("\n", r.lines()))).append("</pre>");
      }
      h.append("</div>");
    }
    if (!why.notes().isEmpty()) {
      h.append("<ul class=\"notes\">");
      why.notes().forEach(n -> h.append("<li>").append(Html.esc(n)).append("</li>"));
      h.append("</ul>");
    }
    return h.append("</td></tr>").toString();
  }
}
