package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.lifecycle.Outcome;
import java.util.List;
import java.util.Map;

/** The run's network. */
final class NetworkResource extends NeutronResource {

  NetworkResource(Api api) {
    super(api, Kind.NETWORK, "networks", "network");
  }

  ResourceRecord create(Ledger ledger) {
    ResourceRecord r = create(ledger, Kind.NETWORK.nameFor(ledger.runId()), Rest.JSON.createObjectNode(), Map.of());
    JsonNode now = current(r.id());
    return ledger.put(r.with(Map.of("status", now.path("status").asText(), "admin_state_up", now.path("admin_state_up").asText())));
  }

  Outcome verify(ResourceRecord before) {
    JsonNode now = current(before.id());
    if (now == null) {
      return Diff.gone(before, "GET answered 404");
    }
    return new Diff(before)
        .same("name", before.name(), now.path("name").asText())
        .same("status", now.path("status").asText())
        .same("admin_state_up", now.path("admin_state_up").asText())
        .outcome();
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    String project = api.projectId();
    return api.os4j().call("list networks", c -> c.networking().network().list()).stream()
        .filter(n -> filter.matches(n.getName()) && project.equals(n.getTenantId()))
        .map(n -> new Found(Kind.NETWORK, n.getId(), n.getName(), null))
        .toList();
  }
}
