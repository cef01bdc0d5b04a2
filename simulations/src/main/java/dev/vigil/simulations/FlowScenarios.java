package dev.vigil.simulations;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.vigil.flow.FlowExecution;
import dev.vigil.flow.FlowResponse;
import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.FlowSupervisor;
import dev.vigil.flow.Step;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.Traffic;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Availability flows as Gatling chains. A {@link FlowSpec}'s steps are known when the simulation is
 * built, so each step becomes its own named request with a static method and header names; only
 * values come from the session, read from the user's {@link FlowExecution}, which also judges every
 * answer. A step is {@code doIf(shouldRun)} around {@code asLongAs(again)} of request, judgement and
 * pause: the same loop {@link dev.vigil.flow.FlowRunner} runs with the JDK client.
 *
 * <p>Flows are injected at a low fixed rate, one every 1/rate seconds, but a flow starts only when
 * none of its service (and traffic) is pending ({@link FlowSupervisor#tryBegin}): a hanging service
 * would otherwise pile up pending flows, each creating resources on the service being measured.
 * Injected users that find a flow pending, their service's breaker open, or the stop signal given,
 * do nothing; the skipped starts are said in a note.
 */
final class FlowScenarios {

  private static final String EXECUTION = "vigil.flow";
  private static final String START = "vigil.flow.start";
  private static final String STATUS = "vigil.flow.status";
  private static final String REQUEST_ID = "vigil.flow.requestId";
  private static final String COMPUTE_REQUEST_ID = "vigil.flow.computeRequestId";
  private static final String BODY = "vigil.flow.body";

  private FlowScenarios() {}

  /**
   * One population per service flow.
   *
   * @param traffic FLOW for the availability flows, LOAD when they are --load's writes
   */
  static PopulationBuilder population(Window window, FlowSpec spec, Traffic traffic, double perSecond, Duration offset, Duration length) {
    FlowSupervisor supervisor = window.flows();
    String service = spec.service();
    ChainBuilder steps = exec(session -> session);
    for (Step step : spec.steps()) {
      steps = steps.exec(step(window, spec, step));
    }
    for (Step step : spec.teardown()) {
      steps = steps.exec(step(window, spec, step));
    }
    ChainBuilder flow =
        exec(session -> {
              FlowExecution x = supervisor.tryBegin(service, traffic);
              return x == null ? session.remove(EXECUTION) : session.set(EXECUTION, x);
            })
            .doIf(session -> session.contains(EXECUTION))
            .then(
                exec(steps)
                    .exec(session -> {
                      supervisor.end(service, execution(session));
                      return session.remove(EXECUTION);
                    }));
    String label = traffic == Traffic.LOAD ? " (load)" : "";
    return scenario(service + " flow " + spec.name() + label)
        .exec(flow)
        .injectOpen(nothingFor(offset), constantUsersPerSec(perSecond).during(length))
        .protocols(protocol());
  }

  private static ChainBuilder step(Window window, FlowSpec spec, Step step) {
    HttpRequestActionBuilder request =
        http(spec.service() + " " + step.name())
            .httpRequest(step.method(), session -> execution(session).current().url())
            .requestTimeout(Window.FLOW_REQUEST_TIMEOUT)
            .header("X-Auth-Token", session -> window.tokenId());
    for (String name : step.headers().keySet()) {
      request = request.header(name, session -> execution(session).current().headers().get(name));
    }
    if (step.body().contentType() != null) {
      request = request.header("Content-Type", step.body().contentType()).body(ByteArrayBody(session -> execution(session).current().body()));
    }
    request = request.check(
        status().saveAs(STATUS),
        header("x-openstack-request-id").optional().saveAs(REQUEST_ID),
        header("x-compute-request-id").optional().saveAs(COMPUTE_REQUEST_ID));
    if (step.needsBody()) {
      request = request.check(bodyBytes().saveAs(BODY));
    }
    // Last, for Gatling's own report only: Vigil's judgement is FlowExecution's.
    request = request.check(status().in(gatlingOk(step).toArray(Integer[]::new)));

    ChainBuilder attempt =
        exec(session -> {
              execution(session).request(step);
              return session.removeAll(STATUS, REQUEST_ID, COMPUTE_REQUEST_ID, BODY).set(START, System.currentTimeMillis());
            })
            .exec(request)
            .exec(session -> {
              execution(session).onResponse(step, response(window, session));
              return session.remove(BODY);
            });
    if (step.repeats()) {
      attempt = attempt.doIf(session -> execution(session).again(step)).then(pause(step.every()));
    }
    return doIf(session -> execution(session).shouldRun(step))
        .then(
            exec(session -> {
                  execution(session).begin(step);
                  return session;
                })
                .asLongAs(session -> execution(session).again(step))
                .on(attempt));
  }

  private static FlowResponse response(Window window, Session session) {
    long end = System.currentTimeMillis();
    long start = session.getLong(START);
    if (!session.contains(STATUS)) {
      // no answer: why, as Gatling logged it, else the duration tells a timeout from a refusal
      return FlowResponse.noAnswer(ErrorKind.classify(0, window.failureOf(session.userId()), true, end - start,
          Window.FLOW_REQUEST_TIMEOUT.toMillis()), start, end);
    }
    String requestId = session.contains(REQUEST_ID) ? session.getString(REQUEST_ID)
        : session.contains(COMPUTE_REQUEST_ID) ? session.getString(COMPUTE_REQUEST_ID) : null;
    byte[] body = session.contains(BODY) ? session.get(BODY) : null;
    return new FlowResponse(session.getInt(STATUS), requestId, body, start, end, ErrorKind.NONE);
  }

  private static FlowExecution execution(Session session) {
    return session.get(EXECUTION);
  }

  /** Statuses Gatling's report shows as OK: what the step expects, and a 404 where it means "gone". */
  private static Set<Integer> gatlingOk(Step step) {
    Set<Integer> ok = new LinkedHashSet<>(step.expect());
    if (step.kind() == Step.Kind.DELETE || step.kind() == Step.Kind.WAIT_GONE) {
      ok.add(404);
    }
    return ok;
  }

  /** One keep-alive pool for all flows, as a long-lived client (a CI job, a user's tool) has. */
  private static HttpProtocolBuilder protocol() {
    return http.userAgentHeader("vigil").disableCaching().disableFollowRedirect().disableWarmUp().shareConnections();
  }
}
