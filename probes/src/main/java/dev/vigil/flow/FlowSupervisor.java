package dev.vigil.flow;

import dev.vigil.VigilException;
import dev.vigil.recording.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The flows of one window, whoever sends them: which may start (prepared, circuit breaker closed,
 * no stop signal yet), which are still running, and the cleanup when the window ends. The Gatling
 * simulation calls {@link #begin} and {@link #end} from its virtual users; everything that blocks
 * (prepare, cleanup, sweep) runs on the caller's thread before or after the load generator, or on a
 * daemon thread of its own.
 *
 * <p>Cleanup guarantees, in order: each flow's own teardown deletes what it made, riding out a down
 * service for the grace time; when the window ends, flows still running are abandoned (their
 * undecided resources are LOST) and their resources deleted by id; so are resources whose teardown
 * failed; then every resource of the flows' kinds whose name starts with the run's prefix is
 * deleted (the safety net for creates whose answer never came); then each flow's finish steps run.
 * Whatever still remains is named in a note, for {@code vigil sweep}.
 */
public final class FlowSupervisor {

  private final FlowRunner runner;
  private final Map<String, String> windowVars;
  private final int breakerFailures;
  private final Consumer<String> live;
  private final Map<String, Service> services = new LinkedHashMap<>();
  private final List<Thread> cleaners = new ArrayList<>();
  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean stopping;

  private static final Duration PREPARE_RETRY = Duration.ofSeconds(5);
  /** Patience of the first cleanup pass by id: short, because the sweep may unblock what it waits for. */
  private static final Duration FIRST_PASS = Duration.ofSeconds(20);

  /**
   * @param runner sends prepare, cleanup and sweep requests; its context's listener gets the notes
   * @param windowVars from {@link FlowRunner#windowVars}
   * @param breakerFailures consecutive failed flows that stop a service's flows (flows.circuit_breaker_failures)
   * @param live one-line messages for the person watching
   */
  public FlowSupervisor(FlowRunner runner, Map<String, String> windowVars, int breakerFailures, Consumer<String> live) {
    this.runner = runner;
    this.windowVars = Map.copyOf(windowVars);
    this.breakerFailures = breakerFailures;
    this.live = live;
  }

  /**
   * Prepares a service's flow (e.g. finds the flavor). A failure does not end the window: when the
   * service is down or failing (5xx, no answer) prepare is retried every few seconds in the
   * background and the flow starts once it succeeds; any other failure (a flavor that does not
   * exist) turns the flow off for the window. Either way a note says why.
   *
   * @return whether the flow runs in this window, now or once prepared
   */
  public boolean prepare(FlowSpec spec) {
    Service s = new Service(spec, new CircuitBreaker(breakerFailures));
    services.put(spec.service(), s);
    String problem = tryPrepare(s);
    if (problem == null) {
      return true;
    }
    if (!isTransient(problem)) {
      say(spec.service(), spec.service() + " flow off for this window: " + problem);
      return false;
    }
    say(spec.service(), spec.service() + " flow waits: " + problem + "; retrying every " + PREPARE_RETRY.toSeconds() + " s");
    Thread t = new Thread(() -> {
      while (!stopping && s.vars == null) {
        try {
          Thread.sleep(PREPARE_RETRY.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        if (!stopping && tryPrepare(s) == null) {
          say(spec.service(), spec.service() + " flow prepared; it starts now");
        }
      }
    }, "vigil-flow-prepare-" + spec.service());
    t.setDaemon(true);
    t.start();
    return true;
  }

  private String tryPrepare(Service s) {
    try {
      s.vars = runner.prepare(s.spec, windowVars);
      return null;
    } catch (VigilException | IllegalStateException e) {
      return e.getMessage();
    }
  }

  private static boolean isTransient(String problem) {
    return problem.contains("HTTP 5") || problem.contains("no answer");
  }

  public List<String> services() {
    return List.copyOf(services.keySet());
  }

  /** Whether a new flow of the service may start now. Cheap: called for every injected flow user. */
  public boolean mayStart(String service) {
    Service s = services.get(service);
    return !stopping && s != null && s.vars != null && !s.breaker.isOpen();
  }

  /**
   * Starts a flow if one may start now ({@link #mayStart}) and no flow of the same service and
   * traffic is still pending: a flow waits up to the grace time on a slow service, and starting the
   * next ones on schedule would pile creates onto the service being measured. A skipped start is
   * said once per spell, and how many were skipped when flows start again.
   *
   * @return the flow, to hand back to {@link #end}, or null when none starts
   */
  public FlowExecution tryBegin(String service, Traffic traffic) {
    if (!mayStart(service)) {
      return null;
    }
    Service s = services.get(service);
    String what = traffic == Traffic.LOAD ? service + " load flow" : service + " flow";
    synchronized (s) {
      FlowExecution running = s.current.get(traffic);
      if (running != null) {
        if (s.skipped.merge(traffic, 1, Integer::sum) == 1) {
          say(service, what + " not started: the previous one is still pending; no new " + what + " starts until it ends");
        }
        return null;
      }
      Integer skipped = s.skipped.remove(traffic);
      if (skipped != null) {
        say(service, what + "s start again: " + skipped + " skipped while one was pending");
      }
      FlowExecution x = begin(service, traffic);
      s.current.put(traffic, x);
      return x;
    }
  }

  /** Starts a flow; the caller must hand it back to {@link #end} when its teardown is over. */
  public FlowExecution begin(String service, Traffic traffic) {
    Service s = services.get(service);
    FlowContext ctx = traffic == runner.context().traffic() ? runner.context() : runner.context().withTraffic(traffic);
    FlowExecution x = FlowExecution.start(s.spec, s.vars, s.seq.incrementAndGet(), ctx);
    s.active.add(x);
    pending.incrementAndGet();
    return x;
  }

  /** A flow's teardown is over: records its outcomes and counts it for the circuit breaker. */
  public void end(String service, FlowExecution x) {
    Service s = services.get(service);
    s.current.values().remove(x);
    if (!s.active.remove(x)) {
      return; // already abandoned by close()
    }
    x.finish();
    Map<String, String> left = x.leftovers();
    if (!left.isEmpty()) {
      synchronized (s.orphans) {
        left.forEach((var, id) -> s.orphans.add(new String[] {var, id}));
      }
    }
    pending.decrementAndGet();
    if (s.breaker.record(x.failure())) {
      say(service, "circuit breaker: " + s.breaker.threshold() + " consecutive " + service + " flows failed (last: " + s.breaker.lastFailure()
          + "); no new " + service + " flows this window, its read-only probes go on; deleting what its flows left");
      runner.context().listener().breakerOpened(service);
      startCleaner(s);
    }
  }

  /** The stop signal came: no flow starts any more; running ones may finish. */
  public void stopStarting() {
    stopping = true;
  }

  /** Flows started and not yet ended. */
  public int pending() {
    return pending.get();
  }

  public boolean breakerOpen(String service) {
    Service s = services.get(service);
    return s != null && s.breaker.isOpen();
  }

  /**
   * Ends the window's flows: abandons running ones, deletes what they and failed teardowns left by
   * id, sweeps by the run's name prefix, and runs each flow's finish steps. Blocks; at most about
   * {@code patience} per service that does not answer.
   *
   * @param why recorded in the LOST outcomes, e.g. "the window ended"
   */
  public void close(String why, Duration patience) {
    stopping = true;
    long deadline = System.currentTimeMillis() + patience.toMillis();
    List<Thread> started;
    synchronized (cleaners) {
      started = List.copyOf(cleaners);
    }
    for (Thread t : started) {
      try {
        t.join(Math.max(1, deadline - System.currentTimeMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Service s : services.values()) {
      List<String[]> byId = new ArrayList<>();
      for (FlowExecution x : List.copyOf(s.active)) {
        s.active.remove(x);
        pending.decrementAndGet();
        x.abandon("still pending when the window ended (" + why + ")");
        runner.withGrace(min(FIRST_PASS, patience)).teardown(x);
        x.finish();
        x.leftovers().forEach((var, id) -> byId.add(new String[] {var, id}));
      }
      cleanService(s, byId, runner.withGrace(min(FIRST_PASS, patience)), runner.withGrace(patience));
      if (s.vars != null) {
        String problem = runner.withGrace(patience).finish(s.spec, s.vars);
        if (problem != null) {
          say(s.spec.service(), s.spec.service() + " flow: finishing failed: " + problem);
        }
      }
    }
  }

  /**
   * Deletes a service's leftovers: by id (quickly; {@code triedOnce} already were), then by the run's
   * name prefix, then by id again
   * with full patience for what the first pass could not delete (a network waits for its port,
   * which only the sweep knew about when the port's create got no answer).
   */
  private void cleanService(Service s, List<String[]> triedOnce, FlowRunner quick, FlowRunner patient) {
    if (s.vars == null) {
      return;
    }
    List<String[]> todo;
    synchronized (s.orphans) {
      todo = new ArrayList<>(s.orphans);
      s.orphans.clear();
    }
    List<String[]> stubborn = new ArrayList<>(triedOnce);
    for (String[] o : todo) {
      if (!quick.delete(s.spec, s.vars, o[0], o[1])) {
        stubborn.add(o);
      }
    }
    FlowRunner.SweepResult swept = quick.sweep(s.spec, s.vars, FlowSpec.namePrefix(windowVars.get("run_id")));
    if (swept.deleted() > 0) {
      say(s.spec.service(), "cleanup deleted " + swept.deleted() + " " + s.spec.service() + " leftover(s) found by the run's name");
    }
    for (String[] o : stubborn) {
      if (!patient.delete(s.spec, s.vars, o[0], o[1])) {
        say(s.spec.service(), "NOT deleted: " + s.spec.resource(o[0]).kind() + " " + o[1] + "; run vigil sweep later");
      }
    }
    for (String left : swept.notDeleted()) {
      say(s.spec.service(), "NOT deleted: " + left + "; run vigil sweep later");
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private void startCleaner(Service s) {
    Thread t = new Thread(() -> {
      long until = System.currentTimeMillis() + runner.context().grace().toMillis();
      while (!s.active.isEmpty() && System.currentTimeMillis() < until) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
      cleanService(s, List.of(), runner, runner);
    }, "vigil-flow-cleanup-" + s.spec.service());
    t.setDaemon(true);
    synchronized (cleaners) {
      cleaners.add(t);
    }
    t.start();
  }

  private void say(String service, String text) {
    runner.context().listener().note(service, text);
    live.accept(text);
  }

  /** One service's flow in this window. */
  private static final class Service {
    final FlowSpec spec;
    final CircuitBreaker breaker;
    final AtomicInteger seq = new AtomicInteger();
    final Set<FlowExecution> active = ConcurrentHashMap.newKeySet();
    /** The flow of each traffic started by {@link #tryBegin} and not yet ended; guarded by this. */
    final Map<Traffic, FlowExecution> current = new ConcurrentHashMap<>();
    /** Starts skipped since the last one, per traffic; guarded by this. */
    final Map<Traffic, Integer> skipped = new java.util.EnumMap<>(Traffic.class);
    final List<String[]> orphans = new ArrayList<>();
    volatile Map<String, String> vars;
    volatile String disabled;

    Service(FlowSpec spec, CircuitBreaker breaker) {
      this.spec = spec;
      this.breaker = breaker;
    }
  }
}
