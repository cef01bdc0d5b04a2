package dev.vigil.requestlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.ResultWriter;
import dev.vigil.result.WindowResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogsTest {

  private static final long T0 = 1_767_225_600_000L;
  private static final String FAILED_500 = "req-5f0c1a2b-0000-4000-8000-000000000001";
  private static final String FAILED_NOT_LOGGED = "req-5f0c1a2b-0000-4000-8000-000000000002";
  private static final String SUCCEEDED = "req-5f0c1a2b-0000-4000-8000-000000000003";
  private static final String FERNET = "gAAAAABrEJ-O9r5oAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  @TempDir
  Path dir;

  @Test
  void anOutageCarriesTheLogLinesOfItsFailedRequestsAndSaysWhichNeverReachedTheService() throws IOException {
    Path run = run();
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("image-1.log"), String.join("\n",
        "2026-01-01 00:00:00.100 7384 INFO glance.api [None " + SUCCEEDED + " u p - - default default] listed",
        "2026-01-01 00:00:01.500 7384 ERROR glance.common.wsgi [None " + FAILED_500 + " u p - - default default] Caught error: db gone"
            + " X-Auth-Token: " + FERNET,
        "2026-01-01 00:00:01.501 7384 ERROR glance.common.wsgi Traceback (most recent call last):",
        "2026-01-01 00:00:01.600 7384 INFO glance.api [None " + FAILED_500 + "x u p] another id that only starts the same"));
    Files.writeString(logs.resolve("identity-1.log"), "not image's: " + FAILED_500 + "\n");

    WindowResult explained = new RequestLogs(LogFolder.parse(List.of(logs.toString())), LogLimits.defaults())
        .explain(new ResultAnalyzer().analyze(run, "run", "lab"), run);

    List<WindowResult.OutageEntry> outages = explained.services().get("image").outages();
    assertThat(outages).hasSize(1);
    WindowResult.Why why = outages.get(0).why();
    assertThat(why.failedRequests()).isEqualTo(20);
    assertThat(why.withoutRequestId()).isEqualTo(18);
    assertThat(why.notes()).contains("18 of 20 failed requests carry " + RequestLogs.NO_ID);
    assertThat(why.requests()).extracting(WindowResult.RequestLines::requestId).containsExactly(FAILED_500, FAILED_NOT_LOGGED);
    WindowResult.RequestLines logged = why.requests().get(0);
    assertThat(logged.found()).isTrue();
    assertThat(logged.status()).isEqualTo(500);
    assertThat(logged.lines()).hasSize(1);
    assertThat(logged.lines().get(0)).startsWith("image-1.log: 2026-01-01 00:00:01.500").contains("Caught error: db gone")
        .doesNotContain(FERNET).contains("X-Auth-Token: ***");
    assertThat(why.requests().get(1).found()).isFalse();
    assertThat(why.requests().get(1).lines()).isEmpty();
    // the service without outage is left as it was
    assertThat(explained.services().get("identity")).isEqualTo(new ResultAnalyzer().analyze(run, "run", "lab").services().get("identity"));

    ResultWriter.write(explained, run);
    String json = Files.readString(run.resolve("result.json"));
    assertThat(json).contains("\"why\"", "\"without_request_id\" : 18", "\"request_id\" : \"" + FAILED_500 + "\"", "\"found\" : false");
    assertThat(ResultWriter.read(run.resolve("result.json")).services().get("image").outages().get(0).why()).isEqualTo(why);
  }

  @Test
  void withoutALogSourceTheFailuresAreStillCountedAndTheLogsSaidNotSearched() throws IOException {
    Path run = run();
    WindowResult.Why why = new RequestLogs(LogSource.NONE, LogLimits.defaults())
        .explain(new ResultAnalyzer().analyze(run, "run", "lab"), run).services().get("image").outages().get(0).why();
    assertThat(why.requests()).extracting(WindowResult.RequestLines::found).containsOnlyNulls();
    assertThat(why.notes()).contains("logs not searched: no log source for image (--service-logs)");
  }

  @Test
  void idsBeyondTheBoundPerOutageAreCountedNotSearched() throws IOException {
    Path run = run();
    WindowResult.Why why = new RequestLogs(LogSource.NONE, new LogLimits(1, 20, 1 << 20, 4000, Duration.ofSeconds(5)))
        .explain(new ResultAnalyzer().analyze(run, "run", "lab"), run).services().get("image").outages().get(0).why();
    assertThat(why.requests()).hasSize(1);
    assertThat(why.notes()).contains("1 more failed requests with a request id not looked up (at most 1 per outage)");
  }

  @Test
  void aHugeFileIsReadOnlyAtItsEndAndLinesAndMatchesAreBounded() throws IOException {
    Path huge = dir.resolve("image-1.log");
    StringBuilder text = new StringBuilder("early " + FAILED_NOT_LOGGED + "\n");
    String filler = "x".repeat(99) + "\n";
    for (int i = 0; i < 30_000; i++) {
      text.append(filler);
    }
    for (int i = 0; i < 50; i++) {
      text.append("line ").append(i).append(' ').append(FAILED_500).append(' ').append("y".repeat(300)).append('\n');
    }
    text.append("z".repeat(500_000));
    Files.writeString(huge, text, StandardCharsets.UTF_8);

    LogLimits limits = new LogLimits(5, 20, 1 << 20, 100, Duration.ofSeconds(10));
    LogSource.Found found = new LogFolder(Map.of("image", List.of(dir.resolve("image-*.log").toString())), null)
        .search("image", Set.of(FAILED_500, FAILED_NOT_LOGGED), limits, Instant.now().plusSeconds(10));

    assertThat(found.lines()).containsOnlyKeys(FAILED_500);
    assertThat(found.lines().get(FAILED_500)).hasSize(20).allSatisfy(l -> assertThat(l).endsWith(" …(cut)").hasSizeLessThan(130));
    assertThat(found.lines().get(FAILED_500).get(0)).startsWith("image-1.log: line 0 ");
    assertThat(found.notes()).containsExactly(huge + ": only its last 1 MiB read");
  }

  @Test
  void aFileThatCannotBeReadIsOneNoteAndTheOthersAreStillSearched() throws IOException {
    Path good = dir.resolve("image-2.log");
    Files.writeString(good, "x " + FAILED_500 + "\n");
    // /proc/self/mem is a regular file that fails at its first read, even for root, whom modes do not stop
    LogSource.Found found = LogFolder.parse(List.of("image=/proc/self/mem", "image=" + dir.resolve("image-*.log"), "image=" + dir.resolve("none-*.log")))
        .search("image", Set.of(FAILED_500), LogLimits.defaults(), Instant.now().plusSeconds(10));

    assertThat(found.lines().get(FAILED_500)).containsExactly("image-2.log: x " + FAILED_500);
    assertThat(found.notes()).hasSize(2);
    // the patterns' notes come first, then the files' in path order
    assertThat(found.notes().get(0)).isEqualTo(dir.resolve("none-*.log") + ": no file matches");
    assertThat(found.notes().get(1)).startsWith("/proc/self/mem: cannot read (");
  }

  @Test
  void aSpentTimeBudgetStopsTheSearchAndSaysSo() throws IOException {
    Files.writeString(dir.resolve("image-1.log"), FAILED_500 + "\n");
    LogSource.Found found = new LogFolder(Map.of(), dir)
        .search("image", Set.of(FAILED_500), LogLimits.defaults(), Instant.now().minusSeconds(1));
    assertThat(found.lines()).isEmpty();
    assertThat(found.notes()).containsExactly("time budget spent: 1 log file(s) of image not read, from " + dir.resolve("image-1.log"));
  }

  /**
   * A run folder where image was down 1 s to 3 s: 18 probes answered 503 by the load balancer (no
   * id) and two 500s from Glance itself (ids); identity stayed up.
   */
  private Path run() throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    List<String> lines = new ArrayList<>(List.of("# vigil records v1",
        "start_ms\tend_ms\tservice\trequest\tmethod\ttraffic\tconnection\tstatus\terror\tok\trequest_id"));
    for (long t = 0; t < 4000; t += 100) {
      boolean down = t >= 1000 && t < 3000;
      String id = t == 1500 ? FAILED_500 : t == 1600 ? FAILED_NOT_LOGGED : down ? "" : "req-ok-" + t;
      int status = !down ? 200 : id.isEmpty() ? 503 : 500;
      lines.add(String.join("\t", Long.toString(T0 + t), Long.toString(T0 + t + 10), "image", "list-images", "GET", "PROBE", "NEW",
          Integer.toString(status), down ? "HTTP_5XX" : "NONE", down ? "0" : "1", id));
      lines.add(String.join("\t", Long.toString(T0 + t), Long.toString(T0 + t + 10), "identity", "validate-token", "GET", "PROBE", "NEW",
          "200", "NONE", "1", id.isEmpty() ? "" : "req-id-" + t));
    }
    Files.write(run.resolve("records.tsv"), lines);
    return run;
  }

  /**
   * The failures a load balancer answered itself carry no request id, so no service logged them:
   * the balancer's own log says why, the lines of the service's backend in the outage's time.
   */
  @Test
  void failuresWithoutRequestIdShowTheLoadBalancersLogLinesOfTheOutage() throws IOException {
    Path run = run();
    Path logs = Files.createDirectories(dir.resolve("lb-logs"));
    // HAProxy's httplog, as the lab's /var/log/vigil-lab/haproxy.log has it; T0 + 1.2 s is 00:00:01.200 here in UTC
    String noServer = "127.0.0.1:57674 [01/Jan/2026:00:00:01.200] image-fe image/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0"
        + " \"GET /v2/images?limit=1 HTTP/1.1\"";
    Files.writeString(logs.resolve("haproxy.log"), String.join("\n",
        "127.0.0.1:57600 [01/Jan/2026:00:00:00.500] image-fe image/image-1 0/0/0/3/3 200 900 - - ---- 1/1/0/0/0 0/0 \"GET /v2/images HTTP/1.1\"",
        noServer,
        "127.0.0.1:57675 [01/Jan/2026:00:00:01.300] identity-fe identity/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0 \"GET /v3 HTTP/1.1\"",
        "127.0.0.1:57676 [01/Jan/2026:00:00:09.000] image-fe image/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 1/1/0/0/0 0/0 \"GET /v2 HTTP/1.1\"",
        "a line that is not HAProxy's"));
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    WindowResult.Why why;
    try {
      why = new RequestLogs(LogFolder.parse(List.of(logs.toString())), LogLimits.defaults())
          .explain(new ResultAnalyzer().analyze(run, "run", "lab"), run).services().get("image").outages().get(0).why();
    } finally {
      java.util.TimeZone.setDefault(zone);
    }
    // only image's failed line inside the outage: not the success before, not identity's, not the one 6 s after
    assertThat(why.balancerLines()).containsExactly(
        "503 SC--: the server refused or aborted it while connecting to a server: no server was available | " + noServer);
    assertThat(HaproxyLogLine.parse("127.0.0.1:1 [01/Jan/2026:00:00:01.200] image-fe image/image-2 0/0/0/-1/736 502 209 - - SH-- 2/2/0/0/0 0/0"
        + " \"GET /v2 HTTP/1.1\"", java.time.ZoneOffset.UTC)).get().extracting(HaproxyLogLine::why)
        .isEqualTo("502 SH--: the server refused or aborted it before the server's response headers (server image-2)");
  }
}
