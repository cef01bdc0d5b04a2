package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.lifecycle.Outcome;
import java.util.List;
import java.util.Map;

/** The run's IPv4 subnet on its network (a database record only: nothing routes it). */
final class SubnetResource extends NeutronResource {

  SubnetResource(Api api) {
    super(api, Kind.SUBNET, "subnets", "subnet");
  }

  ResourceRecord create(Ledger ledger, ResourceRecord network, String cidr) {
    ObjectNode body = Rest.JSON.createObjectNode().put("network_id", network.id()).put("ip_version", 4).put("cidr", cidr);
    ResourceRecord r = create(ledger, Kind.SUBNET.nameFor(ledger.runId()), body, Map.of());
    JsonNode now = current(r.id());
    return ledger.put(r.with(Map.of("network_id", now.path("network_id").asText(), "cidr", now.path("cidr").asText())));
  }

  Outcome verify(ResourceRecord before) {
    JsonNode now = current(before.id());
    if (now == null) {
      return Diff.gone(before, "GET answered 404");
    }
    return new Diff(before)
        .same("name", before.name(), now.path("name").asText())
        .same("network_id", now.path("network_id").asText())
        .same("cidr", now.path("cidr").asText())
        .outcome();
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    String project = api.projectId();
    return api.os4j().call("list subnets", c -> c.networking().subnet().list()).stream()
        .filter(s -> filter.matches(s.getName()) && project.equals(s.getTenantId()))
        .map(s -> new Found(Kind.SUBNET, s.getId(), s.getName(), null))
        .toList();
  }
}
