package dev.vigil.simulations;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.NonAdminGuard;
import dev.vigil.identity.Token;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything a running window shares between its virtual users: the token, the recorder, the stop
 * signal and the live status. Lives in the Gatling JVM.
 */
final class Window implements AutoCloseable {

  private static final Duration LIVE_EVERY = Duration.ofSeconds(5);

  private final WindowPlan plan;
  private final IdentitySession identity;
  private final RunRecorder recorder;
  private final StopSignal stop;
  private final LiveStatus live;
  private final ScheduledExecutorService printer;

  private Window(WindowPlan plan, IdentitySession identity, RunRecorder recorder) {
    this.plan = plan;
    this.identity = identity;
    this.recorder = recorder;
    this.stop = new StopSignal(plan.stopFile(), plan.parentPid());
    this.live = new LiveStatus(plan.targets().stream().map(WindowPlan.Target::serviceType).toList());
    this.printer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-live-status");
              t.setDaemon(true);
              return t;
            });
    printer.scheduleAtFixedRate(() -> live.print(System.out), LIVE_EVERY.toMillis(), LIVE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Authenticates as the plan's cloud (credentials read here, never passed in the plan). */
  static Window open(WindowPlan plan) {
    CloudConfig cloud = CloudConfigLoader.fromSystem().load(plan.cloud());
    KeystoneClient keystone = new KeystoneClient(cloud);
    IdentitySession identity =
        IdentitySession.open(keystone, Duration.ofSeconds(60), plan.tokenRefreshMargin(), message -> System.out.println(LiveStatus.PREFIX + message));
    NonAdminGuard.requireNonAdmin(identity.token(), cloud.name());
    RunRecorder recorder =
        RunRecorder.open(plan.runDir(), RunRecorder.Options.defaults().withOnProblem(message -> System.out.println(LiveStatus.PREFIX + message)));
    Window window = new Window(plan, identity, recorder);
    // A SIGTERM to this JVM loses Gatling's report, but must not lose the records.
    Runtime.getRuntime().addShutdownHook(new Thread(window::flush, "vigil-flush-on-exit"));
    return window;
  }

  /** Marks the start of the window, when Gatling is about to inject its first users. */
  void markStart() {
    recorder.event(EventRecord.windowStart(System.currentTimeMillis()));
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

  void recordProbe(String service, ProbeRequest probe, Connection kind, long start, long end, int status, String requestId) {
    Token token = identity.token();
    boolean tokenValid = token.expiresAt().toEpochMilli() > start;
    ErrorKind error;
    if (status == 0) {
      // Gatling's session does not say why a request got no answer; its duration does.
      boolean timedOut = end - start >= plan.timeout().toMillis() - 50;
      error = timedOut ? ErrorKind.TIMEOUT : ErrorKind.CONNECT;
    } else {
      error = ErrorKind.ofStatus(status, tokenValid);
      if (error == ErrorKind.NONE && !probe.expected().contains(status)) {
        error = ErrorKind.OTHER;
      }
    }
    RequestRecord record =
        new RequestRecord(start, end, service, probe.name(), probe.method(), Traffic.PROBE, kind, status, error, error == ErrorKind.NONE, requestId);
    recorder.record(record);
    live.count(record);
  }

  List<WindowPlan.Target> targets() {
    return plan.targets();
  }

  private void flush() {
    recorder.close();
  }

  @Override
  public void close() {
    recorder.event(EventRecord.windowEnd(System.currentTimeMillis()));
    printer.shutdownNow();
    live.print(System.out);
    identity.close();
    recorder.close();
  }
}
