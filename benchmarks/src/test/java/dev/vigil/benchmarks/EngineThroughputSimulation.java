package dev.vigil.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;
import dev.vigil.recording.Traffic;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Vigil's engine flat out: a closed loop of users each sending the next request as soon as the last
 * one answers, every request checked for its status and request id and handed to the RunRecorder,
 * exactly as the uptime probes do. Driven by benchmarks/efficiency.
 *
 * <p>-Durl, -Dusers (32), -Dseconds (20), -Dout (the run folder the records go to).
 */
public class EngineThroughputSimulation extends Simulation {

  private final String url = System.getProperty("url", "http://127.0.0.1:18980/v3");
  private final int users = Integer.getInteger("users", 32);
  private final Duration length = Duration.ofSeconds(Long.getLong("seconds", 20));
  private final RunRecorder recorder = RunRecorder.open(Path.of(System.getProperty("out", "target/engine-benchmark")));

  {
    ChainBuilder probe =
        exec(session -> session.set("start", System.currentTimeMillis()))
            .exec(
                http("version document")
                    .get(url)
                    .check(status().saveAs("status"), header("x-openstack-request-id").optional().saveAs("rid")))
            .exec(
                session -> {
                  int status = session.contains("status") ? session.getInt("status") : 0;
                  ErrorKind error = status == 0 ? ErrorKind.CONNECT : ErrorKind.ofStatus(status, true);
                  recorder.record(new RequestRecord(session.getLong("start"), System.currentTimeMillis(), "identity", "version-document", "GET",
                      Traffic.PROBE, Connection.REUSED, status, error, error == ErrorKind.NONE, session.getString("rid")));
                  return session;
                });
    setUp(scenario("engine").during(length).on(probe).injectOpen(atOnceUsers(users)))
        // as many pooled connections as users, like wrk -c: Gatling's default of 6 per host emulates a browser
        .protocols(http.shareConnections().maxConnectionsPerHost(users).disableWarmUp().disableCaching());
  }

  @Override
  public void after() {
    recorder.close();
    System.out.println("ENGINE records written=" + recorder.written() + " lost=" + recorder.lost());
  }
}
