package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.Lab;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The InfluxDB sink against the real servers (lab/influxdb: Debian's InfluxDB 1.6; lab/victoria-
 * metrics for the v2 write API) and a real window on the lab: nothing lost, nothing twice, and a
 * sink that fails is a warning, never a failed window.
 */
class InfluxIT {

  private static final String INFLUX = "http://127.0.0.1:8086";
  private static final String VICTORIA = "http://127.0.0.1:8428";
  /** lab/influxdb auth-up: authentication on, admin vigil with the lab's password. */
  private static final String INFLUX_AUTH = "http://127.0.0.1:8087";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void everyRecordArrivesOnceAfterInfluxWasDownForThirtySecondsMidWindow_andPushingTwiceChangesNothing() throws Exception {
    lab("influxdb", "up");
    Path out = dir.resolve("run");
    VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--duration", "60s",
        "--influx-url", INFLUX, "--influx-db", "vigil", "--injector", "influx-it", "--out", out.toString());
    try {
      watch.awaitOutput("watching", 90);
      Thread.sleep(12_000);
      lab("influxdb", "down");
      Thread.sleep(30_000);
    } finally {
      lab("influxdb", "up");
    }
    assertThat(watch.waitFor(240)).as(watch.output()).isZero();
    String output = watch.output();
    assertThat(lines(output, "influx: cannot reach")).as(output).hasSize(1);
    assertThat(lines(output, "influx: " + INFLUX + " takes points again after ")).as(output).hasSize(1);
    assertThat(output).contains(" pending").doesNotContain("Exception");

    String runId = runId(out);
    long rows = rows(out.resolve("records.tsv"));
    assertThat(rows).isGreaterThan(600); // 20 probes/s over 60 s, less the start
    assertThat(output).contains("influx: ").containsPattern("influx: \\d+ points written, 0 pending");
    assertCounts(out, runId);

    // the live sink sent everything: push finds nothing new; --all sends it all again, and InfluxDB keeps one of each
    VigilProcess push = VigilProcess.start(dir, "push", out.toString(), "--influx-url", INFLUX, "--influx-db", "vigil");
    assertThat(push.waitFor(60)).as(push.output()).isZero();
    assertThat(push.output()).contains("0 points written").contains("nothing new");
    VigilProcess all = VigilProcess.start(dir, "push", out.toString(), "--all", "--influx-url", INFLUX, "--influx-db", "vigil");
    assertThat(all.waitFor(60)).as(all.output()).isZero();
    assertThat(all.output()).contains("injector influx-it").contains(", 0 pending");
    assertCounts(out, runId);

    // (c) the v2 write API through influxdb-client-java, into VictoriaMetrics
    lab("victoria-metrics", "up");
    ProcessBuilder v2 = new ProcessBuilder(java(), "-jar", Path.of("target", "vigil.jar").toAbsolutePath().toString(), "push", out.toString(),
        "--influx-url", VICTORIA, "--influx-api", "v2", "--influx-org", "ops", "--influx-bucket", "vigil", "--influx-token-env", "VIGIL_IT_TOKEN")
        .redirectErrorStream(true);
    v2.environment().put("VIGIL_IT_TOKEN", "not-checked-by-victoria-metrics");
    Process p = v2.start();
    String v2out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(v2out).isZero();
    assertThat(v2out).contains("org ops bucket vigil").contains(", 0 pending").doesNotContain("not-checked-by-victoria-metrics");
    long exported = 0;
    for (int attempt = 0; attempt < 30 && exported < rows; attempt++) {
      Thread.sleep(1000); // VictoriaMetrics makes new samples searchable within a few seconds
      exported = victoriaSamples("vigil_request_latency_ms", runId);
    }
    assertThat(exported).isEqualTo(rows);
  }

  @Test
  void aWrongUrlOrDatabaseIsOneLineAndTheWindowStillRecordsEverything() throws Exception {
    lab("influxdb", "up");
    // nothing listens on port 9: InfluxDB "down at start"
    Path nowhere = dir.resolve("nowhere");
    VigilProcess a = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--no-flows", "--duration", "8s",
        "--influx-url", "http://127.0.0.1:9", "--influx-db", "vigil", "--out", nowhere.toString());
    Path wrongDb = dir.resolve("wrong-db");
    VigilProcess b = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--no-flows", "--duration", "8s",
        "--influx-url", INFLUX, "--influx-db", "no_such_database_it", "--out", wrongDb.toString());
    assertThat(a.waitFor(180)).as(a.output()).isZero();
    assertThat(b.waitFor(180)).as(b.output()).isZero();

    assertThat(lines(a.output(), "influx: ")).as(a.output()).hasSize(3); // sending to…, cannot reach…, the count
    assertThat(lines(a.output(), "influx: cannot reach http://127.0.0.1:9: connection refused")).hasSize(1);
    assertThat(lines(b.output(), "influx: InfluxDB at " + INFLUX + " answers 404 (database not found: \"no_such_database_it\")")).as(b.output()).hasSize(1);
    for (Path out : List.of(nowhere, wrongDb)) {
      long rows = rows(out.resolve("records.tsv"));
      assertThat(rows).isGreaterThan(80);
      assertThat(Files.exists(out.resolve("result.json"))).isTrue();
      String output = (out == nowhere ? a : b).output();
      assertThat(output).contains("influx: 0 points written, ").contains("pending (send them later with: vigil push " + out + ")")
          .doesNotContain("Exception");
    }
    // and what was pending goes out later
    VigilProcess push = VigilProcess.start(dir, "push", nowhere.toString(), "--influx-url", INFLUX, "--influx-db", "vigil");
    assertThat(push.waitFor(60)).as(push.output()).isZero();
    assertCounts(nowhere, runId(nowhere));

    VigilProcess noServer = VigilProcess.start(dir, "push", nowhere.toString(), "--all", "--influx-url", "http://127.0.0.1:9", "--influx-db", "vigil");
    assertThat(noServer.waitFor(60)).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(lines(noServer.output(), "vigil: influx: cannot reach http://127.0.0.1:9: connection refused")).as(noServer.output()).hasSize(1);
    assertThat(noServer.output()).contains("run vigil push " + nowhere + " again").doesNotContain("\tat ");
  }

  @Test
  void twoInjectorsWriteToOneInfluxDbAtOnceAndTheInjectorTagSplitsThem() throws Exception {
    lab("influxdb", "up");
    Path east = dir.resolve("east");
    Path west = dir.resolve("west");
    VigilProcess a = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--duration", "20s", "--no-flows",
        "--influx-url", INFLUX, "--influx-db", "vigil", "--injector", "region-east", "--out", east.toString());
    VigilProcess b = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--duration", "20s", "--no-flows",
        "--influx-url", INFLUX, "--influx-db", "vigil", "--injector", "region-west", "--out", west.toString());
    assertThat(a.waitFor(180)).as(a.output()).isZero();
    assertThat(b.waitFor(180)).as(b.output()).isZero();
    assertCounts(east, runId(east));
    assertCounts(west, runId(west));
    // merged (both runs) and split by the tag, as the dashboards do
    String both = " WHERE (run_id = '" + runId(east) + "' OR run_id = '" + runId(west) + "')";
    assertThat(count("SELECT count(latency_ms) FROM vigil_request" + both)).isEqualTo(rows(east.resolve("records.tsv")) + rows(west.resolve("records.tsv")));
    assertThat(count("SELECT count(latency_ms) FROM vigil_request" + both + " AND injector = 'region-east'")).isEqualTo(rows(east.resolve("records.tsv")));
    assertThat(count("SELECT count(latency_ms) FROM vigil_request" + both + " AND injector = 'region-west'")).isEqualTo(rows(west.resolve("records.tsv")));
  }

  @Test
  void refusedCredentialsAreOneLineThatNeverShowsThePassword_andThenTheRightOnesSendEverything() throws Exception {
    lab("influxdb", "auth-up");
    String wrong = "not-the-password-42";
    Path out = dir.resolve("wrong-password");
    VigilProcess watch = VigilProcess.start(java.util.Map.of("VIGIL_IT_INFLUX_PW", wrong), dir, "watch", "--cloud", "lab", "--services", "identity",
        "--no-flows", "--duration", "8s", "--influx-url", INFLUX_AUTH, "--influx-db", "vigil", "--influx-user", "vigil",
        "--influx-password-env", "VIGIL_IT_INFLUX_PW", "--out", out.toString());
    assertThat(watch.waitFor(180)).as(watch.output()).isZero();
    String output = watch.output();
    assertThat(lines(output, "influx: InfluxDB at " + INFLUX_AUTH + " refuses the credentials (401 ")).as(output).hasSize(1);
    assertThat(output).doesNotContain(wrong).doesNotContain("Exception").contains("influx: 0 points written, ");
    long rows = rows(out.resolve("records.tsv"));
    assertThat(rows).isGreaterThan(80);
    assertThat(Files.exists(out.resolve("result.json"))).isTrue();

    VigilProcess push = VigilProcess.start(java.util.Map.of("VIGIL_IT_INFLUX_PW", "secret"), dir, "push", out.toString(),
        "--influx-url", INFLUX_AUTH, "--influx-db", "vigil", "--influx-user", "vigil", "--influx-password-env", "VIGIL_IT_INFLUX_PW");
    assertThat(push.waitFor(60)).as(push.output()).isZero();
    assertThat(push.output()).contains(", 0 pending").doesNotContain("refuses");
    assertThat(count(INFLUX_AUTH, "vigil:secret", "SELECT count(latency_ms) FROM vigil_request WHERE run_id = '" + runId(out) + "'"))
        .isEqualTo(rows);
  }

  /**
   * The run folder is the sink's spill, so a full spill folder is a full run folder: a small tmpfs
   * filled up mid-window. Recording stops with one line, the window goes on to its end, the sink
   * sends every record that reached the disk, the figures are printed before the one-line error
   * about result.json, and once space is freed the report is written from what was kept.
   */
  @Test
  void aFullDiskStopsRecordingWithOneLine_everyRecordOnDiskStillArrives_andNothingMeasuredIsLost() throws Exception {
    lab("influxdb", "up");
    Path disk = Files.createDirectories(dir.resolve("small-disk"));
    sh("mount", "-t", "tmpfs", "-o", "size=4m", "vigil-full-disk-it", disk.toString()); // CI runs as root
    try {
      Path out = disk.resolve("run");
      VigilProcess watch = VigilProcess.start(dir, "watch", "--cloud", "lab", "--services", "identity", "--no-flows", "--duration", "25s",
          "--influx-url", INFLUX, "--influx-db", "vigil", "--out", out.toString());
      watch.awaitOutput(" requests ", 90); // the first live line: records are on disk
      // leave 16 KiB: about six seconds of records at 20 probes/s
      long free = Files.getFileStore(disk).getUsableSpace();
      try (var filler = Files.newOutputStream(disk.resolve("filler"))) {
        byte[] block = new byte[4096];
        for (long left = free - 16 * 1024; left > 0; left -= block.length) {
          filler.write(block, 0, (int) Math.min(block.length, left));
        }
      }
      int exit = watch.waitFor(180);
      String output = watch.output();
      assertThat(exit).as(output).isEqualTo(ExitCode.CANNOT_RUN);
      assertThat(lines(output, "  Recording stopped: cannot write " + out.resolve("records.tsv") + " (No space left on device)")).as(output).hasSize(1);
      assertThat(output.strip().lines().reduce((a, b) -> b).orElseThrow())
          .isEqualTo("vigil: Cannot write " + out.resolve("result.json") + ": No space left on device; check the folder exists, is writable and its disk has space");
      assertThat(output).doesNotContain("\tat ").doesNotContain("Exception").contains("vigil: ending the window");
      assertThat(Files.exists(out.resolve("influx.cursor.tmp"))).as("no half-written cursor left").isFalse();

      // every complete line on disk is in the table and in InfluxDB; the line the disk cut is not
      long kept = completeRows(out.resolve("records.tsv"));
      assertThat(kept).isGreaterThan(100);
      assertThat(output).containsPattern("(?m)^identity +" + kept + " ");
      // the kept records, the window's start event and the blind intervals the stopped recording left
      assertThat(output).as(output).containsPattern("(?m)^influx: " + "\\d+ points written, 0 pending$");
      String runId = runId(out);
      assertThat(count("SELECT count(latency_ms) FROM vigil_request WHERE run_id = '" + runId + "'")).isEqualTo(kept);

      // space again: the report comes from the records kept, and a push changes nothing
      Files.delete(disk.resolve("filler"));
      VigilProcess report = VigilProcess.start(dir, "report", out.toString());
      assertThat(report.waitFor(60)).as(report.output()).isZero();
      assertThat(out.resolve("report.html")).isRegularFile();
      VigilProcess push = VigilProcess.start(dir, "push", out.toString(), "--all", "--influx-url", INFLUX, "--influx-db", "vigil");
      assertThat(push.waitFor(60)).as(push.output()).isZero();
      assertThat(count("SELECT count(latency_ms) FROM vigil_request WHERE run_id = '" + runId + "'")).isEqualTo(kept);
    } finally {
      sh("umount", "-l", disk.toString());
    }
  }

  private static long completeRows(Path tsv) throws IOException {
    long newlines = 0;
    for (byte b : Files.readAllBytes(tsv)) {
      if (b == '\n') {
        newlines++;
      }
    }
    return newlines - 2; // the format line and the header
  }

  private static void sh(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + said).isZero();
  }

  /** InfluxDB holds exactly the folder's rows for the run: requests, distinct request ids, events and flows. */
  private static void assertCounts(Path out, String runId) throws Exception {
    long rows = rows(out.resolve("records.tsv"));
    Set<String> ids = new HashSet<>();
    long withId = 0;
    try (Stream<String> lines = Files.lines(out.resolve("records.tsv"))) {
      for (String line : (Iterable<String>) lines.skip(2)::iterator) {
        String id = line.split("\t", -1)[10];
        if (!id.isEmpty()) {
          ids.add(id);
          withId++;
        }
      }
    }
    assertThat(withId).as("request ids are unique in the folder").isEqualTo(ids.size());
    String where = " WHERE run_id = '" + runId + "'";
    assertThat(count("SELECT count(latency_ms) FROM vigil_request" + where)).isEqualTo(rows);
    assertThat(count("SELECT count(distinct(request_id)) FROM vigil_request" + where)).as("no request id twice").isEqualTo(ids.size());
    assertThat(count("SELECT count(request_id) FROM vigil_request" + where)).isEqualTo(withId);
    // outage and blind events are made by the sink from the probes; every other event is a row of events.tsv
    assertThat(count("SELECT count(text) FROM vigil_event" + where + " AND kind != 'outage_start' AND kind != 'outage_end' AND kind != 'blind'"))
        .isEqualTo(rows(out.resolve("events.tsv")));
    assertThat(count("SELECT count(duration_ms) FROM vigil_flow" + where)).isEqualTo(rows(out.resolve("flows.tsv")));
  }

  private static long count(String influxql) throws Exception {
    return count(INFLUX, null, influxql);
  }

  /** @param credentials "user:password" for Basic auth, or null */
  private static long count(String server, String credentials, String influxql) throws Exception {
    String url = server + "/query?db=vigil&q=" + URLEncoder.encode(influxql, StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (credentials != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    String body = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    JsonNode values = new ObjectMapper().readTree(body).path("results").path(0).path("series").path(0).path("values");
    return values.isMissingNode() || values.isEmpty() ? 0 : values.get(0).get(1).asLong();
  }

  private static long victoriaSamples(String metric, String runId) throws Exception {
    String match = URLEncoder.encode("{__name__=\"" + metric + "\",run_id=\"" + runId + "\"}", StandardCharsets.UTF_8);
    HttpRequest r = HttpRequest.newBuilder(URI.create(VICTORIA + "/api/v1/export"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("match[]=" + match)).build();
    long n = 0;
    for (String line : HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body().split("\n")) {
      if (!line.isBlank()) {
        n += new ObjectMapper().readTree(line).path("values").size();
      }
    }
    return n;
  }

  private static long rows(Path tsv) throws IOException {
    if (!Files.exists(tsv)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(tsv)) {
      return Math.max(0, lines.count() - 2);
    }
  }

  private static String runId(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("plan.json").toFile()).path("run_id").asText();
  }

  private static List<String> lines(String output, String start) {
    return output.lines().filter(l -> l.startsWith(start)).toList();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void lab(String script, String action) throws Exception {
    Path repo = Lab.cloudsYaml().getParent().getParent();
    Process p = new ProcessBuilder(repo.resolve("lab").resolve(script).toString(), action).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    }
    assertThat(p.waitFor()).as("lab/" + script + " " + action + ": " + lines).isZero();
  }
}
