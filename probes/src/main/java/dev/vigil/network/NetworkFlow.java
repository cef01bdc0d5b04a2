package dev.vigil.network;

import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.Poll;
import dev.vigil.flow.Resource;
import dev.vigil.flow.ResponseCheck;
import dev.vigil.flow.Step;
import java.util.Set;

/**
 * Neutron: a network and a port on it, both read back, then the port and the network deleted and
 * checked gone. No subnet: a port needs none, and nothing here should route packets.
 */
final class NetworkFlow {

  private NetworkFlow() {}

  static FlowSpec spec() {
    Poll gone = Poll.of("/status", Set.of(), Set.of());
    return FlowSpec.builder("network", "network-port")
        .step(Step.create("create-network", "POST", "v2.0/networks").json("{\"network\": {\"name\": \"#{name}\"}}").expect(201)
            .creates("network", "/network/id"))
        .step(Step.create("create-port", "POST", "v2.0/ports").json("{\"port\": {\"network_id\": \"#{network}\", \"name\": \"#{name}-port\"}}")
            .expect(201).creates("port", "/port/id"))
        .step(Step.call("show-port", "GET", "v2.0/ports/#{port}").expect(200).check(ResponseCheck.jsonEquals("/port/network_id", "#{network}"))
            .on("port"))
        .step(Step.call("show-network", "GET", "v2.0/networks/#{network}").expect(200)
            .check(ResponseCheck.jsonEquals("/network/name", "#{name}")).on("network"))
        .resource(new Resource("network", "network",
            // 409 while a port is still on it.
            Step.delete("delete-network", "v2.0/networks/#{network}").expect(204).retryOn(409).on("network").build(),
            Step.waitGone("check-network-gone", "GET", "v2.0/networks/#{network}", gone).on("network").build(),
            new Resource.Sweep(Step.list("list-networks-sweep", "v2.0/networks").build(), "/networks", "name", "id")))
        .resource(new Resource("port", "port",
            Step.delete("delete-port", "v2.0/ports/#{port}").expect(204).on("port").build(),
            Step.waitGone("check-port-gone", "GET", "v2.0/ports/#{port}", gone).on("port").build(),
            new Resource.Sweep(Step.list("list-ports-sweep", "v2.0/ports").build(), "/ports", "name", "id")))
        .build();
  }
}
