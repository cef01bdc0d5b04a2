package dev.vigil.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import dev.vigil.recording.Traffic;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * One probe or load request as Gatling sends it and Vigil records it: checked against the
 * probe's expected statuses, timed around the request, and written to the run's records with its
 * status and {@code x-openstack-request-id}. Uptime and load traffic differ only in how often and
 * on which connections they send this.
 */
final class RecordedRequest {

  private static final String START = "vigil.start";
  private static final String STATUS = "vigil.status";
  private static final String REQUEST_ID = "vigil.requestId";

  private RecordedRequest() {}

  /**
   * @param name the request's name in Gatling's report
   * @param closeConnection asks the server to close the connection after the answer (NEW probes)
   */
  static ChainBuilder chain(
      Window window, String name, String service, String url, ProbeRequest probe, Traffic traffic, Connection kind, boolean closeConnection) {
    HttpRequestActionBuilder request =
        http(name)
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
    if (closeConnection) {
      request = request.header("Connection", "close");
    }
    // A looping (closed-model) user keeps its session: clear the last answer's status and id so a
    // request that gets no answer is not recorded with its predecessor's.
    return exec(session -> session.removeAll(STATUS, REQUEST_ID).set(START, System.currentTimeMillis()))
        .exec(request)
        .exec(session -> record(window, service, probe, traffic, kind, session));
  }

  private static Session record(Window window, String service, ProbeRequest probe, Traffic traffic, Connection kind, Session session) {
    long end = System.currentTimeMillis();
    int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
    String requestId = session.contains(REQUEST_ID) ? session.getString(REQUEST_ID) : null;
    window.record(service, probe, traffic, kind, session.getLong(START), end, status, requestId,
        status == 0 ? window.failureOf(session.userId()) : null);
    return session;
  }
}
