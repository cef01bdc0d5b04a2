package dev.vigil.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.vigil.http.UrlJoin;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import dev.vigil.recording.Traffic;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * {@code --load R}: a non-admin user's read mix (each service's {@link
 * dev.vigil.probe.ServiceProbe#load()} requests) at R requests/s spread evenly over the services and
 * then over each service's requests, recorded as LOAD so it never counts towards uptime.
 *
 * <p>Open model: each stream is {@code constantUsersPerSec}, one request per user, so arrivals keep
 * their rate however slow the cloud gets (and pile up, as real users' requests do). Closed model: a
 * fixed number of users per stream loop forever, each waiting for its answer and then pacing to
 * keep the stream's rate while the cloud answers within the pace; a slow cloud receives less.
 */
final class LoadScenarios {

  private LoadScenarios() {}

  /**
   * One stream: a service's load request at {@code rate} requests/s.
   *
   * @param offset staggers the streams so they do not all start in the same millisecond
   */
  static PopulationBuilder population(
      Window window, String service, String endpoint, ProbeRequest probe, double rate, boolean closed, Duration offset, Duration length) {
    String url = UrlJoin.join(endpoint, probe.path());
    String name = service + " load " + probe.name();
    ChainBuilder chain = RecordedRequest.chain(window, name, service, url, probe, Traffic.LOAD, Connection.REUSED, false);
    if (!closed) {
      return scenario(name).exec(chain).injectOpen(nothingFor(offset), constantUsersPerSec(rate).during(length)).protocols(protocol());
    }
    ClosedStream stream = ClosedStream.of(rate);
    ScenarioBuilder loop = scenario(name + " (closed)").exec(forever().on(exec(session -> session).pace(stream.pace()).exec(chain)));
    return loop.injectClosed(
            rampConcurrentUsers(0).to(stream.users()).during(stream.pace()),
            constantConcurrentUsers(stream.users()).during(length))
        .protocols(protocol());
  }

  /** Load comes from clients that keep their connections, as real API users' do. */
  private static HttpProtocolBuilder protocol() {
    return http.acceptHeader("application/json").userAgentHeader("vigil-load").disableCaching().disableFollowRedirect().disableWarmUp()
        .shareConnections();
  }

  /**
   * The closed model's users and pace for a stream of {@code rate} requests/s: one user per
   * request a second (at least one), each pacing {@code users / rate} seconds.
   */
  record ClosedStream(int users, Duration pace) {
    static ClosedStream of(double rate) {
      int users = (int) Math.max(1, Math.round(rate));
      return new ClosedStream(users, Duration.ofNanos(Math.round(users / rate * 1e9)));
    }
  }
}
