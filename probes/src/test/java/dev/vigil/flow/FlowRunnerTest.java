package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The judging and timing rules of flows, with the JDK runner against a local fake service. */
class FlowRunnerTest {

  private FakeThings things;
  private FakeThings.Recorded recorded;

  @BeforeEach
  void start() throws Exception {
    things = new FakeThings();
    recorded = new FakeThings.Recorded();
  }

  @AfterEach
  void stop() {
    things.close();
  }

  private FlowRunner runner(Duration grace) {
    FlowContext ctx = new FlowContext(service -> things.endpoint(), grace, Traffic.FLOW, recorded, System::currentTimeMillis);
    return new FlowRunner(HttpClient.newHttpClient(), () -> "secret-token", ctx, Duration.ofSeconds(5));
  }

  private static Map<String, String> vars() {
    return Map.of("run_id", "vigil-test-1", "project_id", "p1");
  }

  @Test
  void aResourceThatBecomesReadyReadsBackAndGoesIsHonoured() {
    things.readyAfterPolls = 3;
    long start = System.currentTimeMillis();
    FlowExecution x = runner(Duration.ofSeconds(5)).run(FakeThings.spec(), vars(), 7);

    assertThat(x.failure()).isNull();
    assertThat(recorded.flows).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(FlowOutcome.HONOURED);
      assertThat(f.flow()).isEqualTo("create-thing");
      assertThat(f.requestId()).isEqualTo("req-1");
      assertThat(f.resourceId()).isEqualTo("t1");
      assertThat(f.acceptedMs()).isBetween(start, f.endMs());
      assertThat(f.detail()).isEmpty();
    });
    assertThat(things.things.get("t1").name).isEqualTo("vigil-test-1-flow-things-7");
    // create, 4 polls (3 building + ready) 20 ms apart, read back, delete, one gone check
    assertThat(recorded.requests).extracting(RequestRecord::request).containsExactly(
        "create-thing", "wait-thing-ready", "wait-thing-ready", "wait-thing-ready", "wait-thing-ready", "show-thing", "delete-thing", "wait-thing-gone");
    assertThat(recorded.requests).allSatisfy(r -> {
      assertThat(r.traffic()).isEqualTo(Traffic.FLOW);
      assertThat(r.ok()).as(r.toString()).isTrue();
    });
    RequestRecord firstPoll = recorded.requests.get(1);
    RequestRecord lastPoll = recorded.requests.get(4);
    assertThat(lastPoll.startMs() - firstPoll.startMs()).isGreaterThanOrEqualTo(3 * 20);
  }

  @Test
  void anErrorStateFailsWithTheServicesReasonAndIsStillDeleted() {
    things.finalState = "error";
    FlowExecution x = runner(Duration.ofSeconds(5)).run(FakeThings.spec(), vars(), 1);

    assertThat(x.failed()).isTrue();
    FlowRecord f = recorded.flows.get(0);
    assertThat(f.outcome()).isEqualTo(FlowOutcome.FAILED);
    assertThat(f.detail()).contains("wait-thing-ready: status error (no valid host)").contains("since deleted");
    assertThat(things.count("GET things/t1")).isEqualTo(4); // 2 building, error, then gone
    assertThat(things.count("DELETE things/t1")).isEqualTo(1);
    assertThat(recorded.requests).extracting(RequestRecord::request).doesNotContain("show-thing");
  }

  @Test
  void aResourceThatNeverGetsReadyIsLostAfterTheGraceTimeAndDeleted() {
    things.readyAfterPolls = Integer.MAX_VALUE;
    long start = System.currentTimeMillis();
    runner(Duration.ofMillis(300)).run(FakeThings.spec(), vars(), 1);
    long took = System.currentTimeMillis() - start;

    FlowRecord f = recorded.flows.get(0);
    assertThat(f.outcome()).isEqualTo(FlowOutcome.LOST);
    assertThat(f.detail()).contains("still building after the grace time").contains("since deleted");
    assertThat(took).isBetween(300L, 3000L);
    assertThat(things.things.get("t1").deleted).isTrue();
  }

  @Test
  void aRefusedCreateIsAFailedFlowButNoAcceptedRequest() {
    things.createStatus = 503;
    FlowExecution x = runner(Duration.ofSeconds(5)).run(FakeThings.spec(), vars(), 1);

    assertThat(x.failure()).isEqualTo("create-thing: HTTP 503 (service unavailable)");
    assertThat(recorded.flows).isEmpty();
    assertThat(recorded.requests).singleElement().satisfies(r -> assertThat(r.ok()).isFalse());
    assertThat(things.log).containsExactly("POST things");
  }

  @Test
  void deletesRideOutAServiceThatIsDown() {
    things.deleteFailures = 3;
    runner(Duration.ofSeconds(5)).run(FakeThings.spec(), vars(), 1);

    assertThat(recorded.flows.get(0).outcome()).isEqualTo(FlowOutcome.HONOURED);
    assertThat(things.count("DELETE things/t1")).isEqualTo(4);
    assertThat(recorded.requests.stream().filter(r -> r.request().equals("delete-thing") && !r.ok())).hasSize(3);
  }

  @Test
  void aWrongReadBackFailsTheResource() {
    things.nameOverride = "someone-else";
    runner(Duration.ofSeconds(5)).run(FakeThings.spec(), vars(), 1);

    FlowRecord f = recorded.flows.get(0);
    assertThat(f.outcome()).isEqualTo(FlowOutcome.FAILED);
    assertThat(f.detail()).contains("show-thing: /thing/name is \"someone-else\", expected \"vigil-test-1-flow-things-1\"");
    assertThat(things.things.get("t1").deleted).isTrue();
  }

  @Test
  void theSweepDeletesOnlyWhatCarriesTheRunsName() {
    things.add("vigil-test-1-flow-things-3");
    things.add("vigil-test-1-flow-things-4");
    things.add("someone-elses-thing");
    FlowRunner.SweepResult swept = runner(Duration.ofSeconds(5)).sweep(FakeThings.spec(), vars(), FlowSpec.namePrefix("vigil-test-1"));

    assertThat(swept.deleted()).isEqualTo(2);
    assertThat(swept.notDeleted()).isEmpty();
    assertThat(things.things.values()).filteredOn(t -> !t.deleted).extracting(t -> t.name).containsExactly("someone-elses-thing");
  }

  @Test
  void onceRunsPrepareFlowSweepAndFinish() {
    FlowRunner.Once once = runner(Duration.ofSeconds(5)).once(FakeThings.spec(), vars());
    assertThat(once.ok()).isTrue();
    assertThat(once.outcomes()).hasSize(1);
  }

  @Test
  void aFailedPrepareIsOneLineThatNamesTheStep() {
    FlowSpec spec = FlowSpec.builder("things", "f")
        .prepare(Step.setup("find-flavor", "GET", "flavors").expect(200).extract(Extract.find("flavor_id", "/flavors", "name", "m1.nano", "id")))
        .build();
    assertThatThrownBy(() -> runner(Duration.ofSeconds(1)).prepare(spec, vars()))
        .isInstanceOf(VigilException.class)
        .hasMessageStartingWith("cannot prepare the things flow: find-flavor: HTTP 404")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("secret-token");
  }

  @Test
  void aLookupThatFindsNothingSaysWhatItLookedFor() {
    FlowSpec spec = FlowSpec.builder("things", "f")
        .prepare(Step.setup("find-thing", "GET", "things").expect(200).extract(Extract.find("thing_id", "/things", "name", "#{flow_flavor}", "id")))
        .build();
    Map<String, String> vars = new java.util.HashMap<>(vars());
    vars.put("flow_flavor", "nope");
    assertThatThrownBy(() -> runner(Duration.ofSeconds(1)).prepare(spec, vars))
        .hasMessageContaining("find-thing: no element of /things with name \"nope\" in the answer");
  }

  @Test
  void theTokenIsSentButNeverRecorded() {
    runner(Duration.ofSeconds(5)).run(FakeThings.spec(), vars(), 1);
    assertThat(recorded.requests.toString() + recorded.flows).doesNotContain("secret-token");
  }
}
