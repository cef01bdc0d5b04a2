package dev.vigil.balancer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which catalog service a load-balancer backend serves, from its name as the deployment tools name
 * them: the service type itself (the lab: {@code identity}, {@code compute}), OpenStack-Ansible's
 * {@code keystone_service-back} or {@code nova_api_os_compute-back}, Kolla-Ansible's
 * {@code keystone_internal_back} or {@code nova_api_external_back}. Backends of other parts
 * (metadata, consoles, Horizon, Galera) serve no API Vigil probes: null.
 */
public final class BackendServices {

  private static final Set<String> TYPES = Set.of("identity", "image", "compute", "placement", "block-storage", "volumev3", "network",
      "object-store");

  /** Project names as backends begin, in the order they are tried: nova_api before nova's others. */
  private static final List<Map.Entry<String, String>> PREFIXES = List.of(
      Map.entry("keystone", "identity"),
      Map.entry("glance_api", "image"),
      Map.entry("glance-api", "image"),
      Map.entry("nova_api_os_compute", "compute"),
      Map.entry("nova_api", "compute"),
      Map.entry("nova-api", "compute"),
      Map.entry("placement", "placement"),
      Map.entry("cinder_api", "block-storage"),
      Map.entry("cinder-api", "block-storage"),
      Map.entry("neutron_server", "network"),
      Map.entry("neutron-server", "network"),
      Map.entry("swift_proxy", "object-store"),
      Map.entry("swift_api", "object-store"),
      Map.entry("swift-proxy", "object-store"));

  private BackendServices() {}

  /** The catalog type {@code backend} serves, or null. */
  public static String of(String backend) {
    String b = backend.toLowerCase(Locale.ROOT);
    if (TYPES.contains(b)) {
      return b.equals("volumev3") ? "block-storage" : b;
    }
    if (b.startsWith("nova_api_metadata") || b.startsWith("nova_metadata")) {
      return null;
    }
    for (Map.Entry<String, String> p : PREFIXES) {
      if (b.startsWith(p.getKey())) {
        return p.getValue();
      }
    }
    return null;
  }
}
