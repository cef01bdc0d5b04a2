package dev.vigil.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;

/**
 * Uptime traffic: an open model at a fixed rate per service and connection kind, so a service is
 * sampled every 1/rate seconds whatever its latency (a closed loop would stop sampling while a
 * request hangs, which is exactly when it matters).
 */
final class UptimeScenarios {

  private static final String START = "vigil.start";
  private static final String STATUS = "vigil.status";
  private static final String REQUEST_ID = "vigil.requestId";

  private UptimeScenarios() {}

  /**
   * One population: a service, one of its probe requests, one connection kind, started after
   * {@code offset} so that services do not all fire in the same millisecond.
   */
  static PopulationBuilder population(
      Window window, String service, String endpoint, ProbeRequest probe, Connection kind, double rate, Duration offset, Duration length) {
    String url = join(endpoint, probe.path());
    HttpRequestActionBuilder request =
        http(service + " " + probe.name() + " (" + label(kind) + ")")
            .httpRequest(probe.method(), session -> url)
            .requestTimeout(window.plan().timeout())
            .check(
                status().saveAs(STATUS),
                header("x-openstack-request-id").optional().saveAs(REQUEST_ID),
                status().in(probe.expected().toArray(Integer[]::new)));
    if (probe.token() != ProbeRequest.TokenUse.NONE) {
      request = request.header("X-Auth-Token", session -> window.tokenId());
    }
    if (probe.token() == ProbeRequest.TokenUse.AUTH_AND_SUBJECT) {
      request = request.header("X-Subject-Token", session -> window.tokenId());
    }
    if (kind == Connection.NEW) {
      request = request.header("Connection", "close");
    }
    ChainBuilder chain =
        exec(session -> session.set(START, System.currentTimeMillis()))
            .exec(request)
            .exec(session -> record(window, service, probe, kind, session));
    return scenario(service + " uptime " + probe.name() + " " + label(kind))
        .exec(chain)
        .injectOpen(nothingFor(offset), constantUsersPerSec(rate).during(length))
        .protocols(protocol(kind));
  }

  private static Session record(Window window, String service, ProbeRequest probe, Connection kind, Session session) {
    long end = System.currentTimeMillis();
    long start = session.getLong(START);
    int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
    String requestId = session.contains(REQUEST_ID) ? session.getString(REQUEST_ID) : null;
    window.recordProbe(service, probe, kind, start, end, status, requestId);
    return session;
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

  static String join(String endpoint, String path) {
    if (path.isEmpty()) {
      return endpoint;
    }
    return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + path;
  }
}
