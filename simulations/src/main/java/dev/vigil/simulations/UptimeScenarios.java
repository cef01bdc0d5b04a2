package dev.vigil.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.vigil.http.UrlJoin;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import dev.vigil.recording.Traffic;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Uptime traffic: an open model at a fixed rate per service and connection kind, so a service is
 * sampled every 1/rate seconds whatever its latency (a closed loop would stop sampling while a
 * request hangs, which is exactly when it matters), bounded by the window's {@link ProbeGate}: a
 * probe due while the cap is in flight is held back, not sent.
 */
final class UptimeScenarios {

  private static final String ADMITTED = "vigil.admitted";

  private UptimeScenarios() {}

  /**
   * One population: a service, one of its probe requests, one connection kind, started after
   * {@code offset} so that services do not all fire in the same millisecond.
   */
  static PopulationBuilder population(
      Window window, String service, String endpoint, ProbeRequest probe, Connection kind, double rate, Duration offset, Duration length) {
    String url = UrlJoin.join(endpoint, probe.path());
    String name = service + " " + probe.name() + " (" + label(kind) + ")";
    ChainBuilder request = RecordedRequest.chain(window, name, service, url, probe, Traffic.PROBE, kind, kind == Connection.NEW);
    // Gatling goes on to the next action after a failed or timed-out request, so the probe is always handed back.
    ChainBuilder capped = exec(session -> session.set(ADMITTED, window.admitProbe(service, probe, kind)))
        .doIf(session -> session.getBoolean(ADMITTED))
        .then(request.exec(session -> {
          window.probeEnded(service, kind);
          return session;
        }));
    return scenario(service + " uptime " + probe.name() + " " + label(kind))
        .exec(capped)
        .injectOpen(nothingFor(offset), constantUsersPerSec(rate).during(length))
        .protocols(protocol(kind));
  }

  /**
   * NEW: every virtual user has its own connection and makes one request, so each probe opens a
   * fresh TCP connection and sees a restarted backend at once. REUSED: one keep-alive pool shared
   * by all users, as a long-lived client sees the cloud.
   */
  private static HttpProtocolBuilder protocol(Connection kind) {
    HttpProtocolBuilder protocol =
        http.acceptHeader("application/json").userAgentHeader("vigil").disableCaching().disableFollowRedirect().disableWarmUp();
    return kind == Connection.REUSED ? protocol.shareConnections() : protocol;
  }

  static String label(Connection kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
