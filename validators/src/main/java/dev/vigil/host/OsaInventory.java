package dev.vigil.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers of an OpenStack-Ansible inventory, {@code openstack_inventory.json} as
 * {@code osa_toolkit/generate.py} writes it: each group's {@code hosts} are container names, and
 * {@code _meta.hostvars.<container>} holds {@code container_name}, {@code physical_host} (the host
 * it runs on), {@code ansible_host} (its address) and, for a service on the host itself,
 * {@code properties.is_metal} (then the container name is the host's).
 */
public final class OsaInventory {

  /** A container of the inventory: its name, its host, the host's address and its own, whether it is the host itself. */
  record Container(String name, String physicalHost, String hostAddress, String address, boolean metal) {}

  private final Path file;
  private final JsonNode root;

  private OsaInventory(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  public static OsaInventory read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw new VigilException("host_access.inventory " + file + ": not an OpenStack-Ansible inventory (a JSON object of groups)");
      }
      return new OsaInventory(file, root);
    } catch (IOException e) {
      throw new VigilException("host_access.inventory " + file + ": cannot read it (" + e.getMessage()
          + "): give OpenStack-Ansible's openstack_inventory.json, e.g. /etc/openstack_deploy/openstack_inventory.json");
    }
  }

  Path file() {
    return file;
  }

  /** The containers of a group, in the inventory's order. */
  List<Container> containers(String group) {
    List<Container> out = new ArrayList<>();
    for (JsonNode name : root.path(group).path("hosts")) {
      JsonNode vars = hostvars(name.asText());
      String container = text(vars, "container_name", name.asText());
      String host = text(vars, "physical_host", container);
      String hostAddress = text(hostvars(host), "ansible_host", host);
      boolean metal = vars.path("properties").path("is_metal").asBoolean(false) || container.equals(host);
      out.add(new Container(container, host, hostAddress, text(vars, "ansible_host", container), metal));
    }
    return out;
  }

  private JsonNode hostvars(String name) {
    return root.path("_meta").path("hostvars").path(name);
  }

  private static String text(JsonNode vars, String key, String fallback) {
    JsonNode v = vars.path(key);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
  }
}
