package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.probe.ServiceProbe;
import dev.vigil.probe.ServiceProbes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowSpecTest {

  @Test
  void everyServiceWithAFlowCreatesOnlyResourcesNamedFromTheRunAndDeletesThemAll() {
    ServiceProbes probes = ServiceProbes.load();
    List<String> withFlows = probes.all().stream().filter(p -> p.flow(FlowOptions.defaults()).isPresent()).map(ServiceProbe::serviceType).sorted().toList();
    assertThat(withFlows).containsExactly("block-storage", "compute", "image", "network", "object-store");
    for (String service : withFlows) {
      FlowSpec spec = probes.require(service).flow(FlowOptions.defaults()).orElseThrow();
      assertThat(spec.service()).isEqualTo(service);
      for (Step create : spec.steps().stream().filter(s -> s.kind() == Step.Kind.CREATE).toList()) {
        String sent = create.body().type() == Body.Type.JSON ? create.body().json().toString() : create.path().toString();
        assertThat(sent).as(service + " " + create.name()).contains("#{name}");
      }
      assertThat(spec.teardown()).as(service).hasSizeGreaterThanOrEqualTo(spec.resources().size());
      assertThat(spec.resources()).as(service).allSatisfy(r -> assertThat(r.sweep()).isNotNull());
    }
  }

  @Test
  void computeBootsWithoutANetworkUnlessOneIsNamed() {
    ServiceProbe compute = ServiceProbes.load().require("compute");
    FlowSpec none = compute.flow(FlowOptions.defaults()).orElseThrow();
    Step create = none.steps().get(0);
    assertThat(create.body().json().toString()).contains("\"networks\": \"none\"");
    assertThat(create.headers()).containsKey("OpenStack-API-Version");
    FlowSpec onNet = compute.flow(new FlowOptions("cirros", "m1.tiny", "flows", 0)).orElseThrow();
    assertThat(onNet.prepare()).extracting(Step::name).contains("find-network");
    assertThat(onNet.steps().get(0).body().json().toString()).contains("#{network_id}");
  }

  @Test
  void teardownDeletesTheLastCreatedFirst() {
    FlowSpec network = ServiceProbes.load().require("network").flow(FlowOptions.defaults()).orElseThrow();
    assertThat(network.teardown()).extracting(Step::name).containsExactly("delete-port", "check-port-gone", "delete-network", "check-network-gone");
  }

  @Test
  void refusesSpecsThatCouldNotBeCleanedUp() {
    Step.Builder create = Step.create("create", "POST", "things").expect(201).creates("thing", "/id");
    assertThatThrownBy(() -> FlowSpec.builder("svc", "f").step(create).build()).hasMessageContaining("undeclared resource thing");
    assertThatThrownBy(() -> Step.create("create", "POST", "things").expect(201).build()).hasMessageContaining("must extract the id");
    assertThatThrownBy(() -> Step.waitFor("w", "things/1", Poll.of("/s", Set.of("ok"), Set.of())).every(null).build())
        .hasMessageContaining("pause");
    Resource thing = new Resource("thing", "thing", Step.delete("delete", "things/#{thing}").expect(204).build(), null, null);
    assertThatThrownBy(() -> FlowSpec.builder("svc", "f").resource(thing).build()).hasMessageContaining("no CREATE step");
    assertThatThrownBy(() -> FlowSpec.builder("svc", "f").prepare(create).build()).hasMessageContaining("prepare may not hold");
  }

  @Test
  void optionsDefaultToTheLabsImageAndFlavor() {
    FlowOptions o = new FlowOptions(" ", null, "", -1);
    assertThat(o.image()).isEqualTo("tiny");
    assertThat(o.flavor()).isEqualTo("m1.nano");
    assertThat(o.network()).isNull();
    assertThat(o.payloadBytes()).isEqualTo(FlowOptions.DEFAULT_PAYLOAD);
    assertThat(o.vars()).containsOnlyKeys("flow_image", "flow_flavor");
  }
}
