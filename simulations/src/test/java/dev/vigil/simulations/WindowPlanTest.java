package dev.vigil.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlanTest {

  @TempDir Path dir;

  private WindowPlan plan(WindowPlan.FlowPlan flows, WindowPlan.LoadPlan load) {
    return new WindowPlan("vigil-1", "lab", dir, List.of(new WindowPlan.Target("image", "http://127.0.0.1:9292")), 10, List.of("new", "reused"),
        Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(120), 0, "host", Duration.ofMinutes(5), flows, load);
  }

  @Test
  void flowsAndLoadSurviveTheTripToTheGatlingJvm() throws Exception {
    WindowPlan plan = plan(new WindowPlan.FlowPlan(true, 1.0 / 30, 5, "tiny", "m1.nano", null), new WindowPlan.LoadPlan(20, "CLOSED", true));
    WindowPlan read = WindowPlan.read(plan.write());
    assertThat(read).isEqualTo(plan);
    assertThat(read.load().closed()).isTrue();
    String json = Files.readString(dir.resolve(WindowPlan.FILE));
    assertThat(json).contains("\"breaker_failures\" : 5").contains("\"per_second\" : 20.0").doesNotContainIgnoringCase("password");
  }

  @Test
  void thePlanNamesTheVigilThatWroteItAndStillReadsBack() throws Exception {
    WindowPlan plan = plan(WindowPlan.FlowPlan.off(), WindowPlan.LoadPlan.off());
    WindowPlan read = WindowPlan.read(plan.write());
    assertThat(read).isEqualTo(plan);
    com.fasterxml.jackson.databind.JsonNode vigil = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve(WindowPlan.FILE).toFile()).path("vigil");
    assertThat(vigil.path("version").asText()).isEqualTo(dev.vigil.build.VigilBuild.current().version()).isNotEqualTo("unknown");
    assertThat(vigil.path("gatling").asText()).isEqualTo("3.15.1");
    assertThat(vigil.path("java").asText()).isEqualTo(Runtime.version().toString());
  }

  @Test
  void aPlanWithoutFlowsOrLoadRunsProbesOnly() throws Exception {
    Files.writeString(dir.resolve("old.json"), """
        {"run_id": "r", "cloud": "lab", "run_dir": "%s", "targets": [], "rate_per_service": 10, "connections": ["new"],
         "timeout": "PT10S", "max_duration": "PT1M", "grace": "PT2M", "parent_pid": 0, "injector": "h", "token_refresh_margin": "PT5M"}
        """.formatted(dir));
    WindowPlan read = WindowPlan.read(dir.resolve("old.json"));
    assertThat(read.flows().enabled()).isFalse();
    assertThat(read.load().enabled()).isFalse();
    assertThat(read.maxInFlight()).isEqualTo(ProbeGate.DEFAULT_MAX_IN_FLIGHT);
  }

  @Test
  void theInFlightCapSurvivesTheTrip() {
    WindowPlan plan = plan(WindowPlan.FlowPlan.off(), WindowPlan.LoadPlan.off()).withMaxInFlight(3);
    assertThat(WindowPlan.read(plan.write()).maxInFlight()).isEqualTo(3);
    assertThatThrownBy(() -> plan.withMaxInFlight(-1)).isInstanceOf(VigilException.class)
        .hasMessage("probes in flight must be at least 1 (got -1): set probe.max_in_flight, e.g. 10");
  }

  @Test
  void refusesAnUnknownLoadModelAndANegativeRateInOneLine() {
    assertThatThrownBy(() -> new WindowPlan.LoadPlan(5, "sideways", false))
        .isInstanceOf(VigilException.class).hasMessage("unknown load model \"sideways\": use --load-model open or closed");
    assertThatThrownBy(() -> new WindowPlan.LoadPlan(-1, "open", false)).hasMessageContaining("cannot be negative");
    assertThatThrownBy(() -> new WindowPlan.FlowPlan(true, 0, 5, null, null, null)).hasMessageContaining("--no-flows");
  }

  @Test
  void closedLoadKeepsTheStreamsRateWithOneUserPerRequestASecond() {
    assertThat(LoadScenarios.ClosedStream.of(20)).isEqualTo(new LoadScenarios.ClosedStream(20, Duration.ofSeconds(1)));
    assertThat(LoadScenarios.ClosedStream.of(0.5)).isEqualTo(new LoadScenarios.ClosedStream(1, Duration.ofSeconds(2)));
    LoadScenarios.ClosedStream s = LoadScenarios.ClosedStream.of(2.5);
    assertThat(s.users() / (s.pace().toNanos() / 1e9)).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));
  }
}
