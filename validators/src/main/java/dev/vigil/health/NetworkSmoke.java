package dev.vigil.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Neutron: create a network (database and plugin, no agent needed), read it back, delete it. */
final class NetworkSmoke implements ServiceSmoke {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Leftovers leftovers = new Leftovers();

  @Override
  public String service() {
    return "network";
  }

  @Override
  public List<Step> run(HealthApi api, String endpoint, String prefix) {
    Flow flow = new Flow();
    String networks = HealthApi.url(endpoint, "v2.0/networks");
    Reply created = api.sendJson("POST", networks, "{\"network\": {\"name\": \"" + prefix + "\", \"admin_state_up\": true}}");
    if (!flow.step("create-network", "POST", networks, created, Set.of(201))) {
      return flow.steps();
    }
    String id = field(created.body(), "network", "id");
    if (!flow.check("network-id", id != null, id == null ? "no network id in the answer" : "network " + id)) {
      return flow.steps();
    }
    String network = networks + "/" + id;
    leftovers.created(network);
    Reply read = api.send("GET", network);
    if (flow.step("show-network", "GET", network, read, Set.of(200))) {
      String name = field(read.body(), "network", "name");
      flow.check("network-name-matches", prefix.equals(name), "name " + name);
    }
    if (flow.step("delete-network", "DELETE", network, api.send("DELETE", network), Set.of(204))) {
      leftovers.deleted(network);
    }
    return flow.steps();
  }

  static String field(byte[] body, String object, String field) {
    try {
      String v = JSON.readTree(body).path(object).path(field).asText(null);
      return v == null || v.isEmpty() ? null : v;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void cleanUp(HealthApi api) {
    leftovers.deleteAll(api);
  }
}
