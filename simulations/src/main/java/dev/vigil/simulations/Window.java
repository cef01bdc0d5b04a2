package dev.vigil.simulations;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import dev.vigil.flow.FlowContext;
import dev.vigil.flow.FlowListener;
import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowRunner;
import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.FlowSupervisor;
import dev.vigil.http.Http;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.identity.Token;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbes;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything a running window shares between its virtual users: the token, the recorder, the stop
 * signal, the live status and the flows' supervisor. Lives in the Gatling JVM.
 */
final class Window implements AutoCloseable {

  private static final Duration LIVE_EVERY = Duration.ofSeconds(5);
  /** Flows create and wait: a slow answer is still an answer, up to this. */
  static final Duration FLOW_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final WindowPlan plan;
  private final IdentitySession identity;
  private final RunRecorder recorder;
  private final StopSignal stop;
  private final LiveStatus live;
  private final ProbeGate gate;
  private final ScheduledExecutorService printer;
  private TcpProber tcpProber;
  private FlowSupervisor flows;
  private final List<FlowSpec> flowSpecs = new ArrayList<>();
  /** Why Gatling requests got no answer; null when Gatling's log cannot be read (then the duration decides). */
  private final GatlingFailures failures = GatlingFailures.install();

  private Window(WindowPlan plan, IdentitySession identity, RunRecorder recorder) {
    this.plan = plan;
    this.identity = identity;
    this.recorder = recorder;
    this.stop = new StopSignal(plan.stopFile(), plan.parentPid());
    this.gate = new ProbeGate(plan.maxInFlight(), ProbeGate.DEFAULT_QUIET_MS, this::recordHeldBack, this::holding, this::resumed);
    this.live = new LiveStatus(java.util.stream.Stream.concat(plan.targets().stream().map(WindowPlan.Target::serviceType),
        plan.dataPlane().stream().map(DataPlaneTarget::service)).toList(), gate::inFlight);
    this.printer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-live-status");
              t.setDaemon(true);
              return t;
            });
    printer.scheduleAtFixedRate(() -> live.print(LiveStatus.OUT), LIVE_EVERY.toMillis(), LIVE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Authenticates as the plan's cloud (credentials read here, never passed in the plan). */
  static Window open(WindowPlan plan) {
    CloudConfig cloud = CloudConfigLoader.fromSystem().load(plan.cloud());
    KeystoneClient keystone = new KeystoneClient(cloud);
    IdentitySession identity =
        IdentitySession.open(keystone, Duration.ofSeconds(60), plan.tokenRefreshMargin(), LiveStatus::say);
    NonAdminGuard.requireNonAdmin(identity.token(), cloud.name());
    RunRecorder recorder =
        RunRecorder.open(plan.runDir(), RunRecorder.Options.defaults().withOnProblem(LiveStatus::say));
    Window window = new Window(plan, identity, recorder);
    // A SIGTERM to this JVM loses Gatling's report, but must not lose the records.
    Runtime.getRuntime().addShutdownHook(new Thread(window::flush, "vigil-flush-on-exit"));
    if (plan.flows().enabled() || plan.load().writes()) {
      window.prepareFlows(cloud);
    }
    return window;
  }

  /**
   * Finds each planned service's flow and prepares it (flavor and image by name, the object-store
   * container). Blocking, before the load generator starts. A flow that cannot be prepared is off
   * for this window, with a note; the window goes on.
   */
  private void prepareFlows(CloudConfig cloud) {
    ServiceProbes probes = ServiceProbes.load();
    FlowOptions options = new FlowOptions(plan.flows().image(), plan.flows().flavor(), plan.flows().network(), 0);
    FlowContext ctx = new FlowContext(probes.endpoints(identity.token().catalog(), cloud.interfaceName(), cloud.regionName()), plan.grace(),
        Traffic.FLOW, listener(), System::currentTimeMillis);
    FlowRunner runner = new FlowRunner(Http.client(cloud, Duration.ofSeconds(10)), this::tokenId, ctx, FLOW_REQUEST_TIMEOUT);
    flows = new FlowSupervisor(runner, FlowRunner.windowVars(plan.runId(), identity.token().projectId(), options),
        plan.flows().breakerFailures(), this::say);
    for (WindowPlan.Target target : plan.targets()) {
      Optional<FlowSpec> spec = probes.require(target.serviceType()).flow(options);
      if (spec.isPresent() && flows.prepare(spec.get())) {
        flowSpecs.add(spec.get());
      }
    }
  }

  /** Where flows send their records: the recorder, and the live line's counters. */
  private FlowListener listener() {
    FlowListener recording = FlowListener.recording(recorder);
    return new FlowListener() {
      @Override
      public void request(RequestRecord record) {
        recorder.record(record);
        live.count(record);
      }

      @Override
      public void flow(FlowRecord record) {
        recorder.flow(record);
        live.flow(record);
      }

      @Override
      public void note(String service, String text) {
        recording.note(service, text);
      }

      @Override
      public void breakerOpened(String service) {
        live.breakerOpen(service);
      }
    };
  }

  /** A line for the person watching (the CLI shows lines with the prefix). */
  void say(String text) {
    LiveStatus.say(text);
  }

  /** The flows prepared for this window; empty when flows are off. */
  List<FlowSpec> flowSpecs() {
    return List.copyOf(flowSpecs);
  }

  /** The flows' supervisor, or null when flows are off. */
  FlowSupervisor flows() {
    return flows;
  }

  /** Marks the start of the window, when Gatling is about to inject its first users. */
  void markStart() {
    recorder.event(EventRecord.windowStart(System.currentTimeMillis()));
  }

  /** The probes stop now: what follows is Gatling stopping, not a stretch the probes should cover. */
  void markProbesEnd() {
    recorder.event(EventRecord.probesEnd(System.currentTimeMillis()));
  }

  WindowPlan plan() {
    return plan;
  }

  String tokenId() {
    return identity.token().id().reveal();
  }

  boolean stopRequested() {
    return stop.stopRequested();
  }

  String stopReason() {
    return stop.reason();
  }

  /** Ends the window as the stop file would: the watchdog sees it at its next poll. */
  void requestStop(String why) {
    stop.stop(why);
  }

  /** Starts the TCP data-plane probes, which run beside Gatling; they stop with the window. */
  void startTcpProbes() {
    List<DataPlaneTarget> tcp = plan.dataPlane().stream().filter(t -> t.kind().equals("tcp")).toList();
    if (!tcp.isEmpty()) {
      tcpProber = new TcpProber(tcp, plan.ratePerService(), plan.timeout(), gate, this::recordTcp);
    }
  }

  private void recordTcp(DataPlaneTarget target, long start, long end, String failure) {
    ErrorKind error = failure == null ? ErrorKind.NONE : ErrorKind.classify(0, failure, true, end - start, plan.timeout().toMillis());
    RequestRecord record =
        new RequestRecord(start, end, target.service(), TcpProber.CONNECT.name(), TcpProber.CONNECT.method(), Traffic.PROBE, Connection.NEW, 0,
            error, failure == null, null);
    recorder.record(record);
    live.count(record);
  }

  /**
   * Why Gatling's virtual user {@code userId} got no answer to its last request, as Gatling logged
   * it; null when it did not (or is not read).
   */
  String failureOf(long userId) {
    return failures == null ? null : failures.take(userId);
  }

  /**
   * Whether the uptime probe due now may be sent: not when its service and connection kind already
   * have the plan's maximum in flight; then it is recorded as held back. A probe let through must
   * be handed back to {@link #probeEnded}.
   */
  boolean admitProbe(String service, ProbeRequest probe, Connection kind) {
    return gate.tryStart(service, probe, kind, System.currentTimeMillis());
  }

  void probeEnded(String service, Connection kind) {
    gate.finish(service, kind);
  }

  private void recordHeldBack(RequestRecord record) {
    recorder.record(record);
    live.count(record);
  }

  private void holding(ProbeGate.Stream s) {
    note(s.service, s.label() + ": " + gate.max() + " probes in flight (probe.max_in_flight): holding back the probes due (not sent,"
        + " recorded as held back) while that many are unanswered, so as not to add to the load");
  }

  private void resumed(ProbeGate.Stream s) {
    note(s.service, String.format(java.util.Locale.ROOT, "%s: no probe held back for %d s; %d held back over the %.1f s before", s.label(),
        ProbeGate.DEFAULT_QUIET_MS / 1000, s.heldThisSpell(), s.spellMs() / 1000.0));
  }

  /** A live line that is also an events.tsv NOTE, for the report. */
  private void note(String service, String text) {
    recorder.event(EventRecord.note(System.currentTimeMillis(), service, text));
    say(text);
  }

  /** Records an uptime probe or a load request; cheap, never blocks. */
  void record(String service, ProbeRequest probe, Traffic traffic, Connection kind, long start, long end, int status, String requestId,
      String failure) {
    Token token = identity.token();
    boolean tokenValid = token.expiresAt().toEpochMilli() > start;
    ErrorKind error = ErrorKind.classify(status, status == 0 ? failure : null, tokenValid, end - start, plan.timeout().toMillis());
    if (error == ErrorKind.NONE && !probe.expected().contains(status)) {
      error = ErrorKind.OTHER;
    }
    RequestRecord record =
        new RequestRecord(start, end, service, probe.name(), probe.method(), traffic, kind, status, error, error == ErrorKind.NONE, requestId);
    recorder.record(record);
    live.count(record);
  }

  List<WindowPlan.Target> targets() {
    return plan.targets();
  }

  private void flush() {
    recorder.close();
  }

  /**
   * Ends the window: marks its end, then (not measured any more) abandons and cleans up pending
   * flows, sweeps by the run's name, and closes the recorder.
   */
  @Override
  public void close() {
    if (tcpProber != null) {
      tcpProber.close();
    }
    recorder.event(EventRecord.windowEnd(System.currentTimeMillis()));
    if (flows != null) {
      if (flows.pending() > 0) {
        say(flows.pending() + " flow(s) still pending: they count as lost; deleting what they made");
      }
      flows.close("the window ended", plan.grace());
    }
    printer.shutdownNow();
    live.print(LiveStatus.OUT);
    identity.close();
    recorder.close();
  }
}
