package dev.vigil.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Vigil reads on the hosts of a service type: the part whose host it reads (the API's), what
 * each deployment tool calls it, its status tool and how its code is installed. The container and
 * group names were read in the deployment tools' own sources (docs/host-access.md cites them):
 * Kolla-Ansible {@code ansible/roles/<project>/defaults/main.yml} ({@code container_name},
 * {@code group}) and {@code ansible/inventory/multinode} at stable/2025.1; OpenStack-Ansible the
 * {@code contains} lists of {@code inventory/env.d/<project>.yml} at stable/2025.1 (the groups
 * its {@code openstack_inventory.json} lists the containers of).
 *
 * @param service the service type
 * @param project the OpenStack project, e.g. nova
 * @param kollaContainer Kolla-Ansible's container of the API, or null when Kolla-Ansible deploys none
 * @param kollaGroup the Kolla-Ansible inventory group of the hosts that run it
 * @param osaGroup the OpenStack-Ansible inventory group of the containers that run it
 * @param statusTool the project's {@code *-status} tool, or null when it has none (Swift)
 * @param distribution the Python distribution of its code (what importlib.metadata names)
 * @param packageName the distribution package of its code, Debian and RDO alike
 */
public record ServicePart(String service, String project, String kollaContainer, String kollaGroup, String osaGroup, String statusTool,
    String distribution, String packageName) {

  private static final Map<String, ServicePart> PARTS = Map.of(
      "identity", new ServicePart("identity", "keystone", "keystone", "keystone", "keystone", "keystone-status", "keystone", "python3-keystone"),
      "compute", new ServicePart("compute", "nova", "nova_api", "nova-api", "nova_api_os_compute", "nova-status", "nova", "python3-nova"),
      "block-storage", new ServicePart("block-storage", "cinder", "cinder_api", "cinder-api", "cinder_api", "cinder-status", "cinder",
          "python3-cinder"),
      "image", new ServicePart("image", "glance", "glance_api", "glance-api", "glance_api", "glance-status", "glance", "python3-glance"),
      "network", new ServicePart("network", "neutron", "neutron_server", "neutron-server", "neutron_server", "neutron-status", "neutron",
          "python3-neutron"),
      "placement", new ServicePart("placement", "placement", "placement_api", "placement-api", "placement_api", "placement-status",
          "openstack-placement", "python3-placement"),
      // Kolla-Ansible dropped its swift role (absent from stable/2025.1's ansible/roles); Swift has no status tool
      "object-store", new ServicePart("object-store", "swift", null, null, "swift_proxy", null, "swift", "python3-swift"));

  /** The part of a service type Vigil knows, empty for the others. */
  public static Optional<ServicePart> of(String service) {
    return Optional.ofNullable(PARTS.get("volumev3".equals(service) ? "block-storage" : service));
  }

  /** Every service type Vigil reads on hosts, in a fixed order. */
  public static List<String> services() {
    return List.of("identity", "compute", "block-storage", "image", "network", "placement", "object-store");
  }
}
