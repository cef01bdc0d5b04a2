package dev.vigil.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --haproxy}: the load balancer whose view of the servers a window records (docs/run.md). */
public final class BalancerOption {

  @Option(names = "--haproxy", paramLabel = "SOCKET|URL",
      description = "Record the load balancer's view: HAProxy's runtime socket (e.g. /var/lib/kolla/haproxy/haproxy.sock) or stats page"
          + " (https://USER:PASSWORD@HOST:PORT/), read once a second during the window; each server's UP/DOWN/MAINT/DRAIN and its changes"
          + " go on the timeline (default: balancer.haproxy, off).")
  String haproxy;

  void addOverrides(Map<String, String> overrides) {
    if (haproxy != null) {
      overrides.put("balancer.haproxy", "'" + haproxy.replace("'", "''") + "'");
    }
  }
}
