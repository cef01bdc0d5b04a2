package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.Traffic;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowSupervisorTest {

  private FakeThings things;
  private FakeThings.Recorded recorded;
  private final List<String> live = new CopyOnWriteArrayList<>();
  private FlowRunner runner;

  @BeforeEach
  void start() throws Exception {
    things = new FakeThings();
    recorded = new FakeThings.Recorded();
    FlowContext ctx = new FlowContext(service -> things.endpoint(), Duration.ofSeconds(2), Traffic.FLOW, recorded, System::currentTimeMillis);
    runner = new FlowRunner(HttpClient.newHttpClient(), () -> "secret-token", ctx, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    things.close();
  }

  private FlowSupervisor supervisor(int breaker) {
    FlowSupervisor s = new FlowSupervisor(runner, Map.of("run_id", "vigil-test-2", "project_id", "p"), breaker, live::add);
    assertThat(s.prepare(FakeThings.spec())).isTrue();
    return s;
  }

  /** One flow the way an interpreter drives it through the supervisor. */
  private void runOne(FlowSupervisor s) {
    FlowExecution x = s.begin("things", Traffic.FLOW);
    for (Step step : x.spec().steps()) {
      drive(x, step);
    }
    for (Step step : x.spec().teardown()) {
      drive(x, step);
    }
    s.end("things", x);
  }

  private void drive(FlowExecution x, Step step) {
    // FlowRunner's loop, spelled out: the supervisor's users (Gatling's) drive executions themselves.
    if (!x.shouldRun(step)) {
      return;
    }
    x.begin(step);
    do {
      FlowRequest r = x.request(step);
      x.onResponse(step, send(r));
    } while (x.again(step) && sleep(step.every()));
  }

  private FlowResponse send(FlowRequest r) {
    try {
      var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(r.url())).header("X-Auth-Token", "secret-token");
      r.headers().forEach(b::header);
      b.method(r.method(), r.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofByteArray(r.body()));
      long start = System.currentTimeMillis();
      var resp = HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new FlowResponse(resp.statusCode(), resp.headers().firstValue("x-openstack-request-id").orElse(null), resp.body(), start,
          System.currentTimeMillis(), null);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Test
  void consecutiveFailuresOpenTheBreakerOnceAndSayWhy() throws Exception {
    FlowSupervisor s = supervisor(2);
    runOne(s);
    things.createStatus = 503;
    runOne(s);
    assertThat(s.mayStart("things")).isTrue();
    runOne(s);

    assertThat(s.breakerOpen("things")).isTrue();
    assertThat(s.mayStart("things")).isFalse();
    assertThat(recorded.breakers).containsExactly("things");
    assertThat(recorded.notes).anySatisfy(n -> assertThat(n).contains("circuit breaker: 2 consecutive things flows failed")
        .contains("create-thing: HTTP 503").contains("read-only probes go on"));
    assertThat(live).anySatisfy(l -> assertThat(l).startsWith("circuit breaker"));
    assertThat(s.pending()).isZero();
  }

  @Test
  void noNewFlowOfAServiceStartsWhileOneIsPending() {
    FlowSupervisor s = supervisor(5);
    FlowExecution first = s.tryBegin("things", Traffic.FLOW);
    assertThat(first).isNotNull();
    assertThat(s.tryBegin("things", Traffic.FLOW)).isNull();
    assertThat(s.tryBegin("things", Traffic.FLOW)).isNull();
    assertThat(s.pending()).isEqualTo(1);
    assertThat(recorded.notes).filteredOn(n -> n.contains("not started")).containsExactly(
        "things: things flow not started: the previous one is still pending; no new things flow starts until it ends");
    // --load's writes are another stream: one of them may run beside the availability flow
    FlowExecution load = s.tryBegin("things", Traffic.LOAD);
    assertThat(load).isNotNull();

    s.end("things", first);
    s.end("things", load);
    FlowExecution next = s.tryBegin("things", Traffic.FLOW);
    assertThat(next).isNotNull();
    assertThat(live).contains("things flows start again: 2 skipped while one was pending");
    s.end("things", next);
    assertThat(s.pending()).isZero();
  }

  @Test
  void aSuccessResetsTheCount() {
    FlowSupervisor s = supervisor(2);
    things.createStatus = 503;
    runOne(s);
    things.createStatus = 202;
    runOne(s);
    things.createStatus = 503;
    runOne(s);
    assertThat(s.breakerOpen("things")).isFalse();
  }

  @Test
  void closeMakesPendingFlowsLostAndDeletesWhatTheyMade() {
    FlowSupervisor s = supervisor(5);
    things.readyAfterPolls = Integer.MAX_VALUE;
    FlowExecution x = s.begin("things", Traffic.FLOW);
    Step create = x.spec().steps().get(0);
    x.begin(create);
    x.onResponse(create, send(x.request(create)));
    assertThat(s.pending()).isEqualTo(1);

    s.stopStarting();
    assertThat(s.mayStart("things")).isFalse();
    s.close("the window ended", Duration.ofSeconds(2));

    assertThat(s.pending()).isZero();
    assertThat(recorded.flows).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(FlowOutcome.LOST);
      assertThat(f.detail()).contains("still pending when the window ended");
    });
    assertThat(things.things.get("t1").deleted).isTrue();
    // a flow that ends after close() is not counted twice
    s.end("things", x);
    assertThat(recorded.flows).hasSize(1);
  }

  @Test
  void closeSweepsWhatNoFlowKnewAbout() {
    FlowSupervisor s = supervisor(5);
    things.add("vigil-test-2-flow-things-99"); // a create whose answer never came
    s.close("the window ended", Duration.ofSeconds(2));
    assertThat(things.things.values()).allSatisfy(t -> assertThat(t.deleted).isTrue());
    assertThat(live).anySatisfy(l -> assertThat(l).contains("cleanup deleted 1 things leftover"));
  }

  @Test
  void aTransientPrepareFailureIsRetriedNotFatal() {
    FlowSpec spec = FlowSpec.builder("things", "f")
        .prepare(Step.setup("list-things", "GET", "things").expect(200))
        .step(Step.create("create-thing", "POST", "things").json("{}").expect(202).creates("thing", "/thing/id"))
        .resource(new Resource("thing", "thing", Step.delete("delete-thing", "things/#{thing}").expect(204).build(), null, null))
        .build();
    FlowSupervisor s = new FlowSupervisor(runner, Map.of("run_id", "r", "project_id", "p"), 5, live::add);
    FlowSpec missing = FlowSpec.builder("things", "g").prepare(Step.setup("find", "GET", "nothing-here").expect(200)).build();
    assertThat(s.prepare(missing)).isFalse();
    assertThat(live).anySatisfy(l -> assertThat(l).startsWith("things flow off for this window: cannot prepare the things flow: find: HTTP 404"));
    assertThat(s.prepare(spec)).isTrue();
    assertThat(s.mayStart("things")).isTrue();
  }
}
