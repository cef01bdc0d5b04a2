package dev.vigil.report;

/** The pages' stylesheet, inlined so a page is one file that opens anywhere, offline. */
final class Style {

  private Style() {}

  static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:24px auto;max-width:1000px;padding:0 16px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:3px;margin-top:28px}
      h3{font-size:15px;margin:16px 0 4px}
      .meta{color:#555;margin:2px 0}code{font:12px/1.3 ui-monospace,monospace;background:#f4f4f4;padding:0 3px}
      table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
      th{background:#f6f6f6;font-weight:600}td.num{text-align:right;white-space:nowrap}tr.total td{border-top:2px solid #bbb}
      .good{color:#1a7f37}.bad{color:#c62828;font-weight:600}.warn{background:#fff4e5;padding:6px 10px;border-left:4px solid #f0a000}
      .summary{font-size:16px;font-weight:700;padding:6px 10px;border-radius:3px}.summary.good{background:#e6f4ea}.summary.bad{background:#fdecea}
      .no-verdict{background:#eef3fb;padding:6px 10px;border-left:4px solid #4a78c2}
      td.verdict{text-align:center;font-weight:700}td.verdict.yes{background:#e6f4ea;color:#1a7f37}td.verdict.no{background:#fdecea;color:#c62828}
      td.verdict.inconclusive{background:#eeeeee;color:#555}.unknown{color:#555;font-style:italic}.summary.unknown{background:#eeeeee}
      td.status.failed{color:#c62828;font-weight:700}td.status.passed{color:#1a7f37}td.status.skipped{color:#777}
      details{margin:4px 0}summary{cursor:pointer}ul{margin:4px 0 8px;padding-left:22px}pre{white-space:pre-wrap;margin:2px 0;font-size:12px}
      .legend{color:#555;font-size:12px}.key{display:inline-block;width:14px;height:10px;margin:0 3px 0 8px;vertical-align:middle;border:1px solid #bbb}
      .key.outage{background:#d62728}.key.blind{background:#9e9e9e}.key.step{width:2px;background:#555}.key.mark{width:3px;background:#000}.key.flow{background:#f0a000}
      .key.p50{background:#1f77b4;height:3px}.key.p95{background:#ff7f0e;height:3px}.key.failed{background:#c62828}
      .key.phase-before,svg .phase-before{background:#dbe9f6;fill:#dbe9f6}.key.phase-during,svg .phase-during{background:#fde3bd;fill:#fde3bd}
      .key.phase-after,svg .phase-after{background:#dcefd6;fill:#dcefd6}svg .phase-other{fill:#ececec}
      svg.chart{display:block;max-width:100%;height:auto;margin:4px 0}svg text{font:11px system-ui,sans-serif;fill:#444}
      svg .grid{stroke:#e3e3e3;stroke-width:1}svg .lane-bg{fill:#f5f5f5}svg .outage{fill:#d62728}svg .outage.ongoing{fill:#8b0000}svg .blind{fill:#9e9e9e}
      svg .outage-band{fill:#d62728;opacity:.18}svg .step{stroke:#555;stroke-width:1}svg .mark{stroke:#000;stroke-width:2.5}
      svg .note{stroke:#4a78c2;stroke-width:1}svg .lb-up{fill:#8fd19e}svg .lb-drain{fill:#f0a000}svg .lb-maint{fill:#6c8ebf}
      svg .lb-down{fill:#d62728}svg .lb-other{fill:#bcbd22}svg .lb-name{font-size:10px;fill:#666}
      .key.lb-up{background:#8fd19e}.key.lb-drain{background:#f0a000}.key.lb-maint{background:#6c8ebf}.key.lb-down{background:#d62728}svg .flow{fill:#f0a000}svg .phase-name{font-weight:600;fill:#333}
      svg polyline{fill:none;stroke-width:1.6}svg .p50{stroke:#1f77b4;fill:#1f77b4}svg polyline.p50{fill:none}
      svg .p95{stroke:#ff7f0e;fill:#ff7f0e}svg polyline.p95{fill:none}svg .failed{fill:#c62828}svg .lane{font-weight:600}
      """;
}
