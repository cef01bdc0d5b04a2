package dev.vigil.flow;

import dev.vigil.VigilException;
import dev.vigil.recording.ErrorKind;
import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.ApiUnreachable;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs flows with the JDK's HTTP client, one request at a time on the caller's thread: once for a
 * health check, and for everything around a window that is not measured traffic (prepare, the
 * cleanup, the sweep, finish). The judging is {@link FlowExecution}'s, as in the Gatling chains.
 */
public final class FlowRunner {

  private final HttpClient http;
  private final Supplier<String> token;
  private final FlowContext ctx;
  private final Duration requestTimeout;
  private final ApiClient api;

  /**
   * @param http a client from {@link dev.vigil.http.Http#client}, so TLS is verified as everywhere
   * @param token the current token id; sent as X-Auth-Token, never recorded
   * @param requestTimeout a request without an answer by then has failed (and waits/deletes retry)
   */
  public FlowRunner(HttpClient http, Supplier<String> token, FlowContext ctx, Duration requestTimeout) {
    this.http = http;
    this.token = token;
    this.ctx = ctx;
    this.requestTimeout = requestTimeout;
    this.api = new ApiClient(http, token, requestTimeout);
  }

  public FlowContext context() {
    return ctx;
  }

  /** The same runner with another grace time, e.g. the shorter patience of a cleanup pass. */
  public FlowRunner withGrace(Duration grace) {
    return new FlowRunner(http, token, new FlowContext(ctx.endpoints(), grace, ctx.traffic(), ctx.listener(), ctx.clock()), requestTimeout);
  }

  /** The window variables every flow starts from (see {@link FlowSpec}). */
  public static Map<String, String> windowVars(String runId, String projectId, FlowOptions options) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("run_id", runId);
    vars.put("project_id", projectId);
    vars.putAll(options.vars());
    return vars;
  }

  /**
   * Computes the flow's own window variables and runs its prepare steps.
   *
   * @return the variables flows of this window start from
   * @throws VigilException naming the failed step, e.g. a flavor that does not exist
   */
  public Map<String, String> prepare(FlowSpec spec, Map<String, String> windowVars) {
    Map<String, String> vars = new LinkedHashMap<>(windowVars);
    spec.vars().forEach((k, v) -> vars.put(k, v.render(vars)));
    FlowExecution x = FlowExecution.setup(spec, vars, ctx);
    for (Step step : spec.prepare()) {
      run(x, step);
    }
    if (x.failed()) {
      throw new VigilException("cannot prepare the " + spec.service() + " flow: " + x.failure() + hint(spec, x.failure()));
    }
    return x.vars();
  }

  /** Runs one flow: its steps, then the teardown, then records each resource's outcome. */
  public FlowExecution run(FlowSpec spec, Map<String, String> vars, int seq) {
    FlowExecution x = FlowExecution.start(spec, vars, seq, ctx);
    for (Step step : spec.steps()) {
      run(x, step);
    }
    teardown(x);
    x.finish();
    return x;
  }

  /** Deletes what an execution still holds (after it failed or was abandoned); does not finish it. */
  public void teardown(FlowExecution x) {
    for (Step step : x.spec().teardown()) {
      run(x, step);
    }
  }

  /** Deletes one resource known by id: a leftover of a flow that has ended. */
  public boolean delete(FlowSpec spec, Map<String, String> vars, String resourceVar, String id) {
    FlowExecution x = FlowExecution.adopt(spec, vars, resourceVar, id, ctx);
    teardown(x);
    return x.leftovers().isEmpty();
  }

  /**
   * Finds resources of this flow whose name starts with {@code prefix} (the run's) and deletes them.
   *
   * @return how many were found and deleted, and which could not be deleted
   */
  public SweepResult sweep(FlowSpec spec, Map<String, String> vars, String prefix) {
    int deleted = 0;
    List<String> left = new ArrayList<>();
    // Last created first: a network cannot go while a port is on it.
    for (int i = spec.resources().size() - 1; i >= 0; i--) {
      Resource r = spec.resources().get(i);
      if (r.sweep() == null) {
        continue;
      }
      FlowExecution list = FlowExecution.setup(spec, vars, ctx);
      Step step = r.sweep().list();
      list.begin(step);
      FlowRequest request = list.request(step);
      FlowResponse response = send(request);
      list.onResponse(step, response);
      if (list.failed()) {
        left.add(r.kind() + "s not listed: " + list.failure());
        continue;
      }
      for (String id : FlowExecution.listed(r.sweep(), response.body(), prefix)) {
        if (delete(spec, vars, r.var(), id)) {
          deleted++;
        } else {
          left.add(r.kind() + " " + id);
        }
      }
    }
    return new SweepResult(deleted, left);
  }

  /** What a sweep did. */
  public record SweepResult(int deleted, List<String> notDeleted) {}

  /** Runs the finish steps; returns the first problem, or null. */
  public String finish(FlowSpec spec, Map<String, String> vars) {
    FlowExecution x = FlowExecution.setup(spec, vars, ctx);
    for (Step step : spec.finish()) {
      run(x, step);
    }
    return x.failure();
  }

  /**
   * Everything once, as a health check does: prepare, one flow, a sweep of anything it left under
   * the run's name, finish. Outcomes go to the context's listener as well.
   */
  public Once once(FlowSpec spec, Map<String, String> windowVars) {
    long start = ctx.now();
    Map<String, String> vars = prepare(spec, windowVars);
    FlowExecution x = run(spec, vars, 1);
    SweepResult swept = sweep(spec, vars, FlowSpec.namePrefix(vars.get("run_id")));
    String finishProblem = finish(spec, vars);
    return new Once(x.finish(), x.failure(), swept, finishProblem, ctx.now() - start);
  }

  /**
   * The result of {@link #once}.
   *
   * @param outcomes one per accepted create
   * @param failure the flow's first failure, or null
   * @param swept leftovers found by name afterwards (should be none)
   * @param finishProblem why finishing failed, or null
   * @param millis how long it all took
   */
  public record Once(List<dev.vigil.recording.FlowRecord> outcomes, String failure, SweepResult swept, String finishProblem, long millis) {
    public boolean ok() {
      return failure == null && finishProblem == null && swept.notDeleted().isEmpty()
          && outcomes.stream().allMatch(o -> o.outcome() == dev.vigil.recording.FlowOutcome.HONOURED);
    }
  }

  // ---- sending ----

  private void run(FlowExecution x, Step step) {
    if (!x.shouldRun(step)) {
      return;
    }
    x.begin(step);
    do {
      FlowRequest request = x.request(step);
      x.onResponse(step, send(request));
    } while (x.again(step) && pause(step.every()));
  }

  private FlowResponse send(FlowRequest request) {
    long start = ctx.now();
    try {
      // Once: a flow's every try is evidence, and its own steps say when to try again.
      ApiAnswer answer = api.send(new ApiRequest(request.method(), request.url(), request.headers(), request.body(), true, null));
      return new FlowResponse(answer.status(), answer.requestId(), answer.body(), start, ctx.now(), ErrorKind.NONE);
    } catch (ApiUnreachable e) {
      return FlowResponse.noAnswer(e.interrupted() ? ErrorKind.OTHER : ErrorKind.classify(0, e.getCause(), true), start, ctx.now());
    }
  }

  private static boolean pause(Duration every) {
    try {
      Thread.sleep(every.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String hint(FlowSpec spec, String failure) {
    if (failure.contains("HTTP 5") || failure.contains("no answer")) {
      return "; the service is down or failing: start when it answers, or run with --no-flows";
    }
    if (failure.contains(" in the answer") && spec.service().equals("compute")) {
      return "; name an image and a flavor the user can see with --flow-image and --flow-flavor";
    }
    return "; check that the user may create resources in " + spec.service() + ", or run with --no-flows";
  }

}
