package dev.vigil.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.lifecycle.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's port, created before the server and given to it at boot, so that after the upgrade
 * Vigil can check it is still the server's port, on the same network with the same address.
 * (Its binding details are admin-only; a non-admin sees status, device and addresses.)
 */
final class PortResource extends NeutronResource {

  PortResource(Api api) {
    super(api, Kind.PORT, "ports", "port");
  }

  ResourceRecord create(Ledger ledger, ResourceRecord network) {
    ObjectNode body = Rest.JSON.createObjectNode().put("network_id", network.id());
    ResourceRecord r = create(ledger, Kind.PORT.nameFor(ledger.runId()), body, Map.of());
    return ledger.put(r.with(state(current(r.id()))));
  }

  /** After the server is ACTIVE: the port now names it as its device. */
  ResourceRecord settle(Ledger ledger, ResourceRecord port) {
    JsonNode now = current(port.id());
    return ledger.put(port.with(now == null ? Map.of() : state(now)));
  }

  private static Map<String, String> state(JsonNode port) {
    return Map.of(
        "network_id", port.path("network_id").asText(),
        "status", port.path("status").asText(),
        "device_id", port.path("device_id").asText(),
        "fixed_ips", ips(port));
  }

  private static String ips(JsonNode port) {
    List<String> ips = new ArrayList<>();
    port.path("fixed_ips").forEach(ip -> ips.add(ip.path("ip_address").asText()));
    return String.join(",", ips);
  }

  Outcome verify(ResourceRecord before) {
    JsonNode now = current(before.id());
    if (now == null) {
      return Diff.gone(before, "GET answered 404");
    }
    return new Diff(before)
        .same("network_id", now.path("network_id").asText())
        .same("device_id (server)", before.state("device_id"), now.path("device_id").asText())
        .same("status", now.path("status").asText())
        .same("fixed_ips", ips(now))
        .outcome();
  }

  @Override
  public List<Found> find(RunIds.NameFilter filter) {
    String project = api.projectId();
    return api.os4j().call("list ports", c -> c.networking().port().list()).stream()
        .filter(p -> filter.matches(p.getName()) && project.equals(p.getTenantId()))
        .map(p -> new Found(Kind.PORT, p.getId(), p.getName(), p.getDeviceId() == null || p.getDeviceId().isEmpty() ? null : "(device " + p.getDeviceId() + ")"))
        .toList();
  }
}
