package dev.vigil.cli;

import dev.vigil.simulations.RunFolder;
import dev.vigil.run.Terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.result.WindowResult;
import dev.vigil.simulations.WindowPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A window that recorded no request for a service is no evidence that the service was up: before,
 * "watch --duration 2s" where Gatling sent nothing exited 0 with every service "up".
 */
class WindowSummaryTest {

  private static WindowResult.ServiceResult requests(long n) {
    return new WindowResult.ServiceResult(n, 0, 0, 0, List.of(), null, null, Map.of(), Map.of(), Map.of());
  }

  private static WindowResult result(Map<String, WindowResult.ServiceResult> services) {
    Instant t = Instant.parse("2026-12-02T06:00:00Z");
    return new WindowResult(WindowResult.SCHEMA, "run", "lab", new WindowResult.Window(t, t.plusSeconds(2), 2),
        new WindowResult.Recording(0, 0, 2, 0, 0, List.of()), List.of(), services);
  }

  private static final List<WindowPlan.Target> TARGETS =
      List.of(new WindowPlan.Target("identity", "http://k/v3"), new WindowPlan.Target("image", "http://g/"));

  @Test
  void aServiceWithoutARecordedRequestIsNoEvidence() {
    StringWriter err = new StringWriter();
    Terminal terminal = new Terminal(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    RunFolder run = new RunFolder("run", Path.of("/tmp/runs/run"));

    int none = WindowSummary.requireEvidence(result(Map.of()), TARGETS, run, terminal);
    int one = WindowSummary.requireEvidence(result(Map.of("identity", requests(20), "image", requests(0))), TARGETS, run, terminal);

    assertThat(none).isEqualTo(ExitCode.INCONCLUSIVE);
    assertThat(one).isEqualTo(ExitCode.INCONCLUSIVE);
    assertThat(err.toString().lines()).containsExactly(
        "vigil: no request was recorded for identity, image: the window measured nothing there, so nothing is known; see"
            + " /tmp/runs/run/gatling-console.log for why Gatling sent none",
        "vigil: no request was recorded for image: the window measured nothing there, so nothing is known; see"
            + " /tmp/runs/run/gatling-console.log for why Gatling sent none");
  }

  @Test
  void everyServiceRecordedIsEvidence() {
    StringWriter err = new StringWriter();
    Terminal terminal = new Terminal(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    int code = WindowSummary.requireEvidence(result(Map.of("identity", requests(20), "image", requests(3))), TARGETS,
        new RunFolder("run", Path.of("/tmp/runs/run")), terminal);

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(err.toString()).isEmpty();
  }
}
