package dev.vigil.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import dev.vigil.performance.Slowdown;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import dev.vigil.report.Fixtures;
import dev.vigil.result.ResultAnalyzer;
import dev.vigil.result.ResultWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;
import dev.vigil.report.Html;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparerTest {

  @TempDir Path dir;

  /**
   * A watched window of 60 s with phases before (0 s) and during (30 s) unless {@code phases} is
   * false; one probe of {@code service} every 100 ms, failing (refused) in [downFrom, downTo) s.
   */
  private Path window(String name, String service, boolean phases, double downFrom, double downTo, LongUnaryOperator latency) {
    Path run = dir.resolve(name);
    long t0 = 1_767_225_600_000L;
    try (RunRecorder r = RunRecorder.open(run)) {
      r.event(EventRecord.windowStart(t0));
      if (phases) {
        r.event(EventRecord.phase(t0, "before"));
        r.event(EventRecord.phase(t0 + 30_000, "during"));
      }
      for (long t = 0; t < 60_000; t += 100) {
        boolean down = t >= downFrom * 1000 && t < downTo * 1000;
        r.record(down
            ? new RequestRecord(t0 + t, t0 + t + 1, service, "probe", "GET", Traffic.PROBE, Connection.NEW, 0, ErrorKind.CONNECT, false, null)
            : new RequestRecord(t0 + t, t0 + t + latency.applyAsLong(t), service, "probe", "GET", Traffic.PROBE, Connection.NEW, 200,
                ErrorKind.NONE, true, null));
      }
      r.event(EventRecord.windowEnd(t0 + 60_000));
    }
    ResultWriter.write(new ResultAnalyzer().analyze(run, name, "lab"), run);
    return run;
  }

  /** Latency that varies (10 … 19 ms plus {@code base}), so the ranks are not all tied. */
  private static LongUnaryOperator around(long base) {
    return t -> base + (t / 100) % 10;
  }

  @Test
  void regressionsNameMoreDowntimeAndSlowerLatencyInBAndNothingWhenBIsNoWorse() {
    Path a = window("a", "identity", true, 0, 0, around(10));
    Path b = window("b", "identity", true, 40, 45, t -> t < 30_000 ? 10 + (t / 100) % 10 : 40 + (t / 100) % 10);
    assertThat(Regressions.of(new Comparer(0.01).compare(a, b))).hasSize(2).startsWith("identity: downtime during the upgrade 0.00 s → 5.00 s")
        .last().asString().startsWith("identity: slower in B: probe probe (new): median 14.5 → 44.5 ms (+30 ms, +207 %), p95 19 → 49 ms, n 300 → 250,"
            + " one-sided Mann–Whitney p = ").endsWith(": slower, beyond the floors 20 ms and 20 %");
    assertThat(Regressions.of(new Comparer(0.01).compare(b, a))).as("B better than A").isEmpty();
    assertThat(Regressions.of(new Comparer(0.01).compare(a, a))).isEmpty();
    // within the probes' accuracy: 50 ms more downtime is noise, not a regression
    Path c = window("c", "identity", true, 40, 40.05, around(10));
    assertThat(Regressions.of(new Comparer(0.01).compare(a, c))).isEmpty();
  }

  @Test
  void slowerDuringPhaseInBIsSignificantAndDowntimeIsSideBySide() {
    Path a = window("a", "identity", true, 0, 0, around(10));
    Path b = window("b", "identity", true, 40, 45, t -> t < 30_000 ? 10 + (t / 100) % 10 : 40 + (t / 100) % 10);
    Comparison c = new Comparer(0.01).compare(a, b);
    assertThat(c.scope()).isEqualTo("during");
    assertThat(c.services()).hasSize(1);
    Comparison.ServiceRow r = c.services().get(0);
    assertThat(r.a().downtimeSeconds()).isZero();
    // the first refusal is answered 1 ms after it was sent, and placed there (the uptime rule)
    assertThat(r.b().downtimeSeconds()).isCloseTo(4.999, offset(1e-9));
    assertThat(r.b().downtimeDuringSeconds()).isCloseTo(4.999, offset(1e-9));
    assertThat(r.b().failures()).isEqualTo(50);
    // During: A 10..19 ms; B 40..49 ms, its 50 refused probes left out of the latency.
    assertThat(r.a().p50()).isEqualTo(14);
    assertThat(r.b().p50()).isEqualTo(44);
    assertThat(r.a().p95()).isEqualTo(19);
    assertThat(r.b().p95()).isEqualTo(49);
    assertThat(r.b().latencyCount()).isEqualTo(250);
    assertThat(r.latency().direction()).isEqualTo("slower");
    assertThat(r.latency().medianDeltaMs()).isEqualTo(30);
    assertThat(r.latency().pValue()).isLessThan(1e-10);
    assertThat(r.latency().slower()).singleElement().satisfies(k -> {
      assertThat(k.kind()).isEqualTo("probe probe (new)");
      assertThat(k.outcome()).isEqualTo(Slowdown.Outcome.SLOWER);
      assertThat(k.baseline().n()).isEqualTo(300);
      assertThat(k.other().n()).isEqualTo(250);
    });
    assertThat(CompareHtml.render(c, dir.resolve("c.html"))).contains("<td class=\"num\">19</td><td class=\"num worse\">49</td>")
        .contains("<td class=\"worse\" data-direction=\"slower\">slower in B (median +30 ms");
    assertThat(r.a().level()).isEqualTo("no verdict");
  }

  @Test
  void theSameLatencyIsNoSignificantChangeAndFasterIsSaid() {
    Path a = window("a", "identity", true, 0, 0, around(20));
    Path same = window("same", "identity", true, 0, 0, around(20));
    Path faster = window("faster", "identity", true, 0, 0, around(5));
    Comparison.LatencyChange s = new Comparer(0.01).compare(a, same).services().get(0).latency();
    assertThat(s.direction()).isEqualTo("same");
    assertThat(s.pValue()).isGreaterThan(0.5);
    // 15 ms faster is real but under the 20 ms floor: no change worth calling; 35 ms is beyond it.
    assertThat(new Comparer(0.01).compare(a, faster).services().get(0).latency().direction()).isEqualTo("same");
    Path slow = window("slow", "identity", true, 0, 0, around(40));
    assertThat(new Comparer(0.01).compare(slow, faster).services().get(0).latency().direction()).isEqualTo("faster");
    assertThat(Regressions.of(new Comparer(0.01).compare(slow, faster))).isEmpty();
  }

  @Test
  void withoutDuringPhasesTheWholeWindowsAreComparedAndAServiceOfOneRunIsKept() {
    Path a = window("a", "identity", false, 0, 0, around(10));
    Path b = window("b", "image", true, 0, 0, around(10));
    Comparison c = new Comparer(0.01).compare(a, b);
    assertThat(c.scope()).isEqualTo("window");
    assertThat(c.services()).extracting(Comparison.ServiceRow::service).containsExactly("identity", "image");
    assertThat(c.services().get(0).b()).isNull();
    assertThat(c.services().get(0).a().downtimeDuringSeconds()).isNull();
    assertThat(c.services().get(0).a().latencyCount()).isEqualTo(600);
    assertThat(c.services().get(1).a()).isNull();
    assertThat(c.services().get(1).latency()).isNull();
    String text = CompareText.render(c);
    assertThat(text).contains("the whole window of each run").contains("identity").contains("- → 0.00s");
  }

  @Test
  void realRunsRollingAgainstNaive() throws Exception {
    Path rolling = Fixtures.copy("rolling-identity", dir);
    Path naive = Fixtures.copy("naive-identity", dir);
    Comparison c = new Comparer(0.01).compare(rolling, naive);
    Comparison.ServiceRow r = c.services().get(0);
    JsonNode a = new ObjectMapper().readTree(rolling.resolve("result.json").toFile()).path("services").path("identity");
    JsonNode b = new ObjectMapper().readTree(naive.resolve("result.json").toFile()).path("services").path("identity");
    assertThat(r.a().downtimeSeconds()).isEqualTo(a.path("downtime_seconds").asDouble()).isZero();
    assertThat(r.b().downtimeSeconds()).isEqualTo(b.path("downtime_seconds").asDouble()).isCloseTo(7.0, offset(0.01));
    assertThat(r.b().downtimeDuringSeconds()).isEqualTo(b.path("phases").path("during").path("downtime_seconds").asDouble());
    // No request failed in the rolling run, so its during latency is result.json's.
    assertThat(r.a().failures()).isZero();
    assertThat(r.a().p50()).isEqualTo(a.path("phases").path("during").path("latency_ms").path("p50").asLong());
    assertThat(r.a().p95()).isEqualTo(a.path("phases").path("during").path("latency_ms").path("p95").asLong());
    assertThat(r.a().level()).isEqualTo("zero-downtime");
    assertThat(r.b().level()).isEqualTo("rolling");
    String html = CompareHtml.render(c, dir.resolve("compare.html"));
    assertThat(html).contains("<tr data-service=\"identity\"><td>identity</td><td class=\"num\">0.00 s</td><td class=\"num worse\">7.00 s</td>")
        .contains("<td>zero-downtime</td><td class=\"worse\">rolling</td>")
        // One request of B's during phase succeeded: its p95 is lower, but that says nothing.
        .contains("<td class=\"num\">434</td><td class=\"num\">238</td>")
        // One request of B's during phase succeeded: too few to judge any kind of request.
        .contains("not judged: too few requests of any kind (median +205 ms, n = 432 → 1)");
    assertThat(CompareText.render(c)).contains("zero-downtime → rolling").contains("0.00s → 7.00s");
  }

  @Test
  void aMissingOrWrongFolderIsOneClearError() throws Exception {
    Path a = window("a", "identity", true, 0, 0, around(10));
    assertThatThrownBy(() -> new Comparer(0.01).compare(a, dir.resolve("nope")))
        .isInstanceOf(VigilException.class).hasMessageContaining("No run folder at " + dir.resolve("nope"));
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> new Comparer(0.01).compare(dir.resolve("empty"), a))
        .isInstanceOf(VigilException.class).hasMessageContaining("is not a Vigil run folder");
  }

  @Test
  void threeRunsAreEachComparedWithTheOneBeforeAndGatlingsFiguresOfEachStandSideBySide() throws Exception {
    Path a = window("a", "identity", true, 0, 0, around(10));
    Path b = window("b", "identity", true, 40, 45, around(10));
    Path c = window("c", "identity", true, 0, 0, t -> t < 30_000 ? 10 + (t / 100) % 10 : 40 + (t / 100) % 10);
    // B carries the Gatling log of a real 10 s window; A none; C a log that is not one
    Path gatlingOfB = Files.createDirectories(b.resolve("gatling/windowsimulation-20261202212100359"));
    Files.copy(Path.of("src/test/resources/gatling/windowsimulation-20261202212100359/simulation.log"), gatlingOfB.resolve("simulation.log"));
    Files.writeString(gatlingOfB.resolve("index.html"), "<html></html>");
    Files.createDirectories(c.resolve("gatling/x"));
    Files.writeString(c.resolve("gatling/x/simulation.log"), "not binary");

    Trend t = new Comparer(0.01).trend(java.util.List.of(a, b, c));

    assertThat(t.runs()).extracting(Comparison.Run::dir).containsExactly(a, b, c);
    assertThat(t.steps()).hasSize(2);
    assertThat(t.steps().get(1).a().dir()).isEqualTo(b);
    assertThat(t.regressions()).containsExactly("A → B: identity: downtime during the upgrade 0.00 s → 5.00 s",
        t.regressions().get(1)).element(1).asString().startsWith("B → C: identity: slower in C: probe probe (new)");
    assertThat(t.gatling().get(0).problem()).startsWith("no gatling/*/simulation.log in ");
    assertThat(t.gatling().get(1).statistics().all().total()).isEqualTo(197);
    assertThat(t.gatling().get(2).problem()).contains("is not a Gatling simulation.log");

    String text = CompareText.render(t);
    assertThat(text).contains("A: a (vigil watch").contains("C: c (vigil watch").contains("\nB against A, latency in")
        .contains("\nC against B, latency in").contains("DOWNTIME B → C").contains("slower in C");
    assertThat(html(t)).contains("<li>identity: slower in C: probe probe (new)");
    assertThat(text.lines().filter(l -> l.startsWith("All Requests ") || l.startsWith("identity validate-token (new) ")
        || l.matches("\\s+[ABC]\\s.*")).toList()).containsSubsequence(
            "All Requests                                 A           -         -         -         -         -"
                + "         -         -         -         -         -         -         -         -",
            "                                             B         197       197         0         0      19.7        16        25"
                + "        28        49       306       309        33        39");
    String html = html(t);
    assertThat(html).contains("<h2 data-step=\"AB\">B against A</h2>").contains("<h2 data-step=\"BC\">C against B</h2>")
        .contains("<a class=\"gatling-report\" href=\"b/gatling/windowsimulation-20261202212100359/index.html\">Gatling report</a>")
        .contains("<tr data-request=\"identity validate-token (reused)\" data-run=\"B\"><th>B</th><td class=\"num\">98</td>");
  }

  @Test
  void twoRunsReadAsBeforeWithGatlingsFiguresAfter() {
    Path a = window("a", "identity", true, 0, 0, around(10));
    Path b = window("b", "identity", true, 0, 0, around(10));
    Comparison c = new Comparer(0.01).compare(a, b);
    String two = CompareText.render(new Comparer(0.01).trend(java.util.List.of(a, b)));
    assertThat(two).startsWith(CompareText.render(c)).contains(GatlingTable.TITLE);
  }

  private String html(Trend t) {
    return CompareHtml.render(t, dir.resolve("compare.html"));
  }
}
