package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.http.Http;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.Token;
import dev.vigil.probe.ServiceProbes;
import dev.vigil.recording.FlowOutcome;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import dev.vigil.testing.Lab;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's flow once against the lab with the plain JDK runner, as the health validator runs
 * it: every accepted create honoured, nothing left under the run's name.
 */
class FlowRunnerLabIT {

  @ParameterizedTest
  @ValueSource(strings = {"image", "object-store", "network", "block-storage", "compute"})
  void flowRunsOnceAndLeavesNothing(String service) {
    CloudConfig cloud = Lab.cloud("lab");
    Token token = new KeystoneClient(cloud).authenticate(Duration.ofSeconds(30));
    ServiceProbes probes = ServiceProbes.load();
    FlowSpec spec = probes.require(service).flow(FlowOptions.defaults()).orElseThrow();
    List<RequestRecord> requests = new CopyOnWriteArrayList<>();
    List<FlowRecord> flows = new CopyOnWriteArrayList<>();
    FlowListener listener = new FlowListener() {
      @Override
      public void request(RequestRecord r) {
        requests.add(r);
      }

      @Override
      public void flow(FlowRecord f) {
        flows.add(f);
      }
    };
    FlowContext ctx = new FlowContext(probes.endpoints(token.catalog(), cloud.interfaceName(), cloud.regionName()), Duration.ofSeconds(60),
        Traffic.FLOW, listener, System::currentTimeMillis);
    FlowRunner runner = new FlowRunner(Http.client(cloud, Duration.ofSeconds(10)), () -> token.id().reveal(), ctx, Duration.ofSeconds(30));
    String runId = "vigil-it-" + Long.toHexString(System.nanoTime());

    FlowRunner.Once once = runner.once(spec, FlowRunner.windowVars(runId, token.projectId(), FlowOptions.defaults()));

    System.out.printf("%s flow: %d ms, %d requests, outcomes %s%n", service, once.millis(), requests.size(),
        flows.stream().map(f -> f.flow() + "=" + f.outcome() + " " + (f.endMs() - f.acceptedMs()) + "ms").toList());
    assertThat(once.failure()).as(requests.toString()).isNull();
    assertThat(once.ok()).as(once.toString()).isTrue();
    assertThat(flows).isNotEmpty().allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(FlowOutcome.HONOURED);
      assertThat(f.requestId()).isNotBlank();
      assertThat(f.resourceId()).isNotBlank();
    });
    assertThat(once.swept().deleted()).isZero();
    assertThat(requests).allSatisfy(r -> assertThat(r.traffic()).isEqualTo(Traffic.FLOW));
  }
}
