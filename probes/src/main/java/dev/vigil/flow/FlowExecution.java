package dev.vigil.flow;

import dev.vigil.http.UrlJoin;
import dev.vigil.recording.FlowRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a flow, and the single place where its answers are judged: every interpreter asks it
 * whether to run a step ({@link #shouldRun}), what to send ({@link #request}), hands it each answer
 * ({@link #onResponse}) and asks whether to send again ({@link #again}). So the Gatling chains and
 * {@link FlowRunner} differ only in how they send.
 *
 * <p>The rules (docs/observers.md):
 *
 * <ul>
 *   <li>The first failure of a CREATE, CALL or WAIT step skips the flow's remaining steps; the
 *       teardown (each created resource's DELETE, then WAIT_GONE, last created first) always runs.
 *   <li>A resource is <b>honoured</b> when it reached its ready state (or, without a WAIT step, its
 *       create was accepted), every read-back of it passed, and it was deleted and gone.
 *   <li>It <b>failed</b> on an error state, a refused or wrong read-back, a refused delete, or when
 *       the flow stopped before it was ready; the detail says which.
 *   <li>It is <b>lost</b> when it reached no terminal state within the grace time, or was still
 *       pending when the window ended.
 *   <li>Waits and deletes ride out a service that is down (no answer, 5xx, and for deletes a busy
 *       409): only the grace time ends them. A create is never repeated: a retry could make two.
 * </ul>
 *
 * <p>Methods are synchronized: an execution belongs to one virtual user, but the window's end may
 * abandon it from another thread. The locks are never contended in practice.
 *
 * <p>Reading answers is left to helpers of one job each ({@link Extraction}, {@link
 * ResponseChecker}, {@link PollStatus}, {@link ServiceMessage}), as is the request record ({@link
 * StepRecording}) and a resource's outcome ({@link TrackedResource}); this class decides what
 * their findings mean for the flow.
 */
public final class FlowExecution {

  private final FlowSpec spec;
  private final FlowContext ctx;
  private final Map<String, String> vars;
  private final Payload payload; // null when the flow writes none
  private final boolean tracked;
  private final Map<String, TrackedResource> resources = new LinkedHashMap<>();
  private final Map<Step, Long> deadlines = new HashMap<>();
  private final Map<Step, Boolean> active = new HashMap<>();
  private FlowRequest current;
  private String failure;
  private boolean abandoned;
  private boolean finished;
  private List<FlowRecord> outcomes = List.of();

  private FlowExecution(FlowSpec spec, Map<String, String> vars, FlowContext ctx, boolean tracked) {
    this.spec = spec;
    this.ctx = ctx;
    this.vars = vars;
    this.tracked = tracked;
    this.payload = spec.payloadBytes() > 0 && tracked ? Payload.random(spec.payloadBytes()) : null;
  }

  /**
   * A new flow run.
   *
   * @param windowVars the window's variables (see {@link FlowSpec}), with what prepare extracted
   * @param seq this flow's number in the window, for its resource names
   */
  public static FlowExecution start(FlowSpec spec, Map<String, String> windowVars, int seq, FlowContext ctx) {
    Map<String, String> vars = new HashMap<>(windowVars);
    vars.put("seq", Integer.toString(seq));
    vars.put("name", FlowSpec.namePrefix(require(windowVars, "run_id")) + spec.service() + "-" + seq);
    return new FlowExecution(spec, vars, ctx, true);
  }

  /** Runs a window's SETUP steps (prepare or finish) and, for the sweep, LIST steps. */
  public static FlowExecution setup(FlowSpec spec, Map<String, String> windowVars, FlowContext ctx) {
    return new FlowExecution(spec, new HashMap<>(windowVars), ctx, false);
  }

  /**
   * Takes over one resource found by id (the sweep, or a leftover of a run that ended): only its
   * teardown runs, and no flow outcome is recorded for it.
   */
  public static FlowExecution adopt(FlowSpec spec, Map<String, String> windowVars, String resourceVar, String id, FlowContext ctx) {
    FlowExecution x = new FlowExecution(spec, new HashMap<>(windowVars), ctx, false);
    spec.resource(resourceVar); // fails for an unknown one
    x.vars.put(resourceVar, id);
    TrackedResource t = new TrackedResource(resourceVar, id, null, ctx.now());
    t.ready = true;
    x.resources.put(resourceVar, t);
    x.abandoned = true; // nothing but the teardown
    return x;
  }

  public FlowSpec spec() {
    return spec;
  }

  // ---- what interpreters call, in this order per step ----

  /** Whether the step runs now: flow steps until the first failure, teardown steps when needed. */
  public synchronized boolean shouldRun(Step step) {
    return switch (step.kind()) {
      case SETUP, LIST -> failure == null;
      case CREATE, CALL, WAIT -> failure == null && !abandoned && !finished;
      case DELETE -> {
        TrackedResource t = resources.get(step.resource() != null ? step.resource() : spec.resourceOf(step));
        yield t != null && t.id != null && !t.deleted && !t.gone && !finished;
      }
      case WAIT_GONE -> {
        TrackedResource t = resources.get(step.resource() != null ? step.resource() : spec.resourceOf(step));
        yield t != null && t.deleted && !t.gone && !finished;
      }
    };
  }

  /** Starts a step: from now on it may be repeated until the grace time has passed. */
  public synchronized void begin(Step step) {
    deadlines.put(step, ctx.now() + ctx.grace().toMillis());
    active.put(step, true);
  }

  /** Renders the step's request (and keeps it as {@link #current()}). */
  public synchronized FlowRequest request(Step step) {
    Map<String, String> headers = new LinkedHashMap<>();
    step.headers().forEach((k, v) -> headers.put(k, v.render(vars)));
    byte[] body = switch (step.body().type()) {
      case NONE -> null;
      case JSON -> step.body().json().renderJson(vars).getBytes(StandardCharsets.UTF_8);
      case PAYLOAD -> payload != null ? payload.bytes() : new byte[0];
    };
    if (step.body().contentType() != null) {
      headers.put("Content-Type", step.body().contentType());
    }
    String base = ctx.endpoints().apply(step.service() != null ? step.service() : spec.service());
    current = new FlowRequest(step.method(), UrlJoin.join(base, step.path().render(vars)), Collections.unmodifiableMap(headers), body);
    return current;
  }

  /** The request last rendered; Gatling's session functions read it piece by piece. */
  public synchronized FlowRequest current() {
    return current;
  }

  /** Judges an answer, records the request, and decides whether the step is done. */
  public synchronized void onResponse(Step step, FlowResponse r) {
    boolean ok = switch (step.kind()) {
      case SETUP, LIST -> onSetup(step, r);
      case CREATE -> onCreate(step, r);
      case CALL -> onCall(step, r);
      case WAIT -> onWait(step, r);
      case DELETE -> onDelete(step, r);
      case WAIT_GONE -> onGone(step, r);
    };
    if (Boolean.TRUE.equals(active.get(step)) && step.repeats() && ctx.now() >= deadlines.getOrDefault(step, Long.MAX_VALUE)) {
      timedOut(step, r);
    }
    if (!step.repeats()) {
      active.put(step, false);
    }
    ctx.listener().request(StepRecording.of(spec.service(), step, r, ok, ctx.traffic()));
  }

  /** Whether the step must be sent again (after its pause). */
  public synchronized boolean again(Step step) {
    return Boolean.TRUE.equals(active.get(step)) && !finished;
  }

  // ---- the end ----

  /**
   * Decides each resource's outcome and records it (once). Called when the teardown is over, or
   * after {@link #abandon} and the cleanup.
   */
  public synchronized List<FlowRecord> finish() {
    if (finished) {
      return outcomes;
    }
    finished = true;
    if (!tracked) {
      return outcomes;
    }
    List<FlowRecord> out = new ArrayList<>();
    long now = ctx.now();
    for (TrackedResource t : resources.values()) {
      TrackedResource.Verdict verdict = t.verdict(failure);
      FlowRecord record = new FlowRecord(spec.service(), spec.createStepName(t.var), t.requestId, t.id, t.acceptedMs, now,
          verdict.outcome(), DetailText.clip(verdict.detail()));
      out.add(record);
      ctx.listener().flow(record);
    }
    outcomes = List.copyOf(out);
    return outcomes;
  }

  /**
   * The window ended with this flow still running: whatever is undecided is lost. Only the teardown
   * may still run (the cleanup pass); then call {@link #finish()}.
   */
  public synchronized void abandon(String why) {
    if (finished) {
      return;
    }
    abandoned = true;
    for (TrackedResource t : resources.values()) {
      if (t.failure == null && t.lost == null && !(t.ready && t.gone)) {
        t.lost = why;
      }
    }
    if (failure == null) {
      failure = why;
    }
    active.replaceAll((s, a) -> false);
  }

  /** Whether the flow failed, for the circuit breaker. */
  public synchronized boolean failed() {
    return failure != null;
  }

  /** The first failure, or null. */
  public synchronized String failure() {
    return failure;
  }

  public synchronized boolean finished() {
    return finished;
  }

  /** Resources created and not (yet) gone: what a cleanup must delete, by variable and id. */
  public synchronized Map<String, String> leftovers() {
    Map<String, String> left = new LinkedHashMap<>();
    resources.values().stream().filter(t -> !t.gone && t.id != null).forEach(t -> left.put(t.var, t.id));
    return left;
  }

  /** The variables now, e.g. what prepare extracted. */
  public synchronized Map<String, String> vars() {
    return Map.copyOf(vars);
  }

  /**
   * The ids of a LIST answer's items whose name starts with {@code prefix}. Kept here, public, for
   * callers outside this package (the cli's lab tests); the reading is {@link SweepListing}'s.
   */
  public static List<String> listed(Resource.Sweep sweep, byte[] body, String prefix) {
    return SweepListing.ids(sweep, body, prefix);
  }

  // ---- judging ----

  private boolean onSetup(Step step, FlowResponse r) {
    if (!step.expect().contains(r.status())) {
      fail(step.name() + ": " + r.describe() + ServiceMessage.of(r));
      return false;
    }
    return extract(step, r) && checks(step, r);
  }

  private boolean onCreate(Step step, FlowResponse r) {
    if (!step.expect().contains(r.status())) {
      fail(step.name() + ": " + r.describe() + ServiceMessage.of(r));
      return false;
    }
    boolean extracted = extract(step, r);
    String id = vars.get(step.resource());
    if (id == null) {
      // Accepted, but Vigil cannot follow it: it counts as failed, and the sweep finds it by name.
      TrackedResource t = new TrackedResource(step.resource(), null, r.requestId(), r.endMs());
      t.failure = step.name() + ": accepted without an id";
      resources.put(step.resource(), t);
      fail(t.failure);
      return false;
    }
    TrackedResource t = new TrackedResource(step.resource(), id, r.requestId(), r.endMs());
    t.ready = !spec.waitsFor(step.resource());
    resources.put(step.resource(), t);
    return extracted && checks(step, r);
  }

  private boolean onCall(Step step, FlowResponse r) {
    String problem = null;
    if (!step.expect().contains(r.status())) {
      problem = step.name() + ": " + r.describe() + ServiceMessage.of(r);
    } else if (!extract(step, r)) {
      return false;
    } else {
      problem = checkProblem(step, r);
    }
    if (problem == null) {
      return true;
    }
    blame(step.resource(), problem);
    fail(problem);
    return false;
  }

  private boolean onWait(Step step, FlowResponse r) {
    TrackedResource t = resources.get(step.resource());
    if (r.status() == 404) {
      blame(step.resource(), step.name() + ": the resource disappeared (HTTP 404) while waiting for " + String.join("/", step.poll().ready()));
      fail(t == null ? step.name() + ": HTTP 404" : t.failure);
      active.put(step, false);
      return false;
    }
    if (r.status() != 200) {
      return false; // the service is down or busy: keep waiting until the grace time
    }
    String state = PollStatus.state(step.poll(), r.body());
    if (state != null && step.poll().ready().contains(state)) {
      if (t != null) {
        t.ready = true;
      }
      active.put(step, false);
      return true;
    }
    if (state != null && step.poll().error().contains(state)) {
      String why = step.name() + ": status " + state + PollStatus.fault(step.poll(), r.body());
      blame(step.resource(), why);
      fail(why);
      active.put(step, false);
      return true; // the request itself was answered well
    }
    if (t != null) {
      t.lastState = state;
    }
    return true;
  }

  private boolean onDelete(Step step, FlowResponse r) {
    TrackedResource t = resources.get(spec.resourceOf(step));
    if (r.status() == 404) {
      t.deleted = true;
      t.gone = true;
      active.put(step, false);
      return true;
    }
    if (step.expect().contains(r.status())) {
      t.deleted = true;
      t.gone = spec.resource(t.var).gone() == null;
      active.put(step, false);
      return true;
    }
    if (r.status() == 0 || r.status() >= 500 || step.retryOn().contains(r.status()) || r.status() == 401) {
      return false; // down, busy, or a token Keystone could not check: try again
    }
    t.failure = step.name() + ": refused, " + r.describe() + ServiceMessage.of(r);
    fail(t.failure);
    active.put(step, false);
    return false;
  }

  private boolean onGone(Step step, FlowResponse r) {
    TrackedResource t = resources.get(spec.resourceOf(step));
    if (r.status() == 404) {
      t.gone = true;
      active.put(step, false);
      return true;
    }
    if (r.status() != 200) {
      return false;
    }
    String state = PollStatus.state(step.poll(), r.body());
    if (state != null && step.poll().error().contains(state)) {
      t.failure = step.name() + ": status " + state + PollStatus.fault(step.poll(), r.body());
      fail(t.failure);
      active.put(step, false);
    } else {
      t.lastState = state;
    }
    return true;
  }

  private void timedOut(Step step, FlowResponse r) {
    active.put(step, false);
    String var = step.kind() == Step.Kind.WAIT ? step.resource() : spec.resourceOf(step);
    TrackedResource t = var == null ? null : resources.get(var);
    String seen = t != null && t.lastState != null ? "still " + t.lastState : "last answer " + r.describe();
    String why = step.name() + ": " + seen + " after the grace time (" + ctx.grace().toSeconds() + " s)";
    if (t != null && t.failure == null && t.lost == null) {
      t.lost = why;
    }
    fail(why);
  }

  private boolean extract(Step step, FlowResponse r) {
    Extract missing = Extraction.into(vars, step.extracts(), r.body());
    if (missing == null) {
      return true;
    }
    // A create's own id is judged by onCreate: accepted without one is a failure of its own.
    if (step.kind() != Step.Kind.CREATE || !missing.var().equals(step.resource())) {
      String why = step.name() + ": " + Extraction.missing(missing, vars) + " in the answer";
      blame(step.resource(), why);
      fail(why);
    }
    return false;
  }

  private boolean checks(Step step, FlowResponse r) {
    String problem = checkProblem(step, r);
    if (problem != null) {
      blame(step.resource(), problem);
      fail(problem);
    }
    return problem == null;
  }

  private String checkProblem(Step step, FlowResponse r) {
    return ResponseChecker.problem(step, r.body(), vars, payload == null ? null : payload.md5());
  }

  // ---- helpers ----

  private void fail(String why) {
    if (failure == null) {
      failure = DetailText.clip(why);
    }
  }

  private void blame(String resource, String why) {
    TrackedResource t = resource == null ? null : resources.get(resource);
    if (t != null && t.failure == null) {
      t.failure = DetailText.clip(why);
    }
  }

  private static String require(Map<String, String> vars, String name) {
    String v = vars.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the window variables lack " + name);
    }
    return v;
  }
}
