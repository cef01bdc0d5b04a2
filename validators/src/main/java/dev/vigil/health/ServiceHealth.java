package dev.vigil.health;

import java.util.List;

/**
 * What one service did in one phase of the health check.
 *
 * @param api the service's uptime requests, each sent once
 * @param smoke its create → read → delete steps, empty when it has no smoke
 * @param hasSmoke whether a smoke exists for the service
 */
record ServiceHealth(String service, List<HealthStep> api, List<HealthStep> smoke, boolean hasSmoke) {

  ServiceHealth {
    api = List.copyOf(api);
    smoke = List.copyOf(smoke);
  }
}
