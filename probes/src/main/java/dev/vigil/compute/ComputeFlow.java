package dev.vigil.compute;

import dev.vigil.flow.Extract;
import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.Poll;
import dev.vigil.flow.Resource;
import dev.vigil.flow.ResponseCheck;
import dev.vigil.flow.Step;
import java.util.Set;

/**
 * Nova: a server booted from an image with a flavor (both found by name when the window starts),
 * ACTIVE, read back, deleted, gone. Without a flow network it boots with {@code networks: none}
 * (microversion 2.37), so it needs nothing from Neutron.
 */
final class ComputeFlow {

  /** The microversion that allows {@code networks: "none"}. */
  static final String MICROVERSION = "2.37";

  private ComputeFlow() {}

  static FlowSpec spec(FlowOptions options) {
    FlowSpec.Builder flow = FlowSpec.builder("compute", "boot-server")
        .prepare(Step.setup("find-flavor", "GET", "flavors").expect(200)
            .extract(Extract.find("flavor_id", "/flavors", "name", "#{flow_flavor}", "id")))
        .prepare(Step.setup("find-image", "GET", "v2/images?name=#{flow_image}").service("image").expect(200)
            .extract(Extract.find("image_id", "/images", "name", "#{flow_image}", "id")));
    String networks = "\"none\"";
    if (options.network() != null) {
      flow.prepare(Step.setup("find-network", "GET", "v2.0/networks?name=#{flow_network}").service("network").expect(200)
          .extract(Extract.find("network_id", "/networks", "name", "#{flow_network}", "id")));
      networks = "[{\"uuid\": \"#{network_id}\"}]";
    }
    return flow
        .step(Step.create("create-server", "POST", "servers")
            .header("OpenStack-API-Version", "compute " + MICROVERSION)
            .header("X-OpenStack-Nova-API-Version", MICROVERSION)
            .json("{\"server\": {\"name\": \"#{name}\", \"flavorRef\": \"#{flavor_id}\", \"imageRef\": \"#{image_id}\", \"networks\": " + networks + "}}")
            .expect(202)
            .creates("server", "/server/id"))
        .step(Step.waitFor("wait-server-active", "servers/#{server}", Poll.of("/server/status", Set.of("ACTIVE"), Set.of("ERROR"))
            .withFault("/server/fault/message")).on("server"))
        .step(Step.call("show-server", "GET", "servers/#{server}").expect(200).check(ResponseCheck.jsonEquals("/server/name", "#{name}"))
            .on("server"))
        .resource(new Resource("server", "server",
            Step.delete("delete-server", "servers/#{server}").expect(204).retryOn(409).on("server").build(),
            Step.waitGone("wait-server-gone", "GET", "servers/#{server}", Poll.of("/server/status", Set.of(), Set.of("ERROR"))
                .withFault("/server/fault/message")).on("server").build(),
            new Resource.Sweep(Step.list("list-servers-sweep", "servers?name=#{run_id}&limit=1000").build(), "/servers", "name", "id")))
        .build();
  }
}
