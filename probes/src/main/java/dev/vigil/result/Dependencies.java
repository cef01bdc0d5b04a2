package dev.vigil.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which services a service needs to answer, so an outage can name its likely cause: every service
 * validates its tokens with Keystone; Nova needs Placement and Neutron to schedule and Glance to
 * boot; Cinder needs Glance to create from an image. The one place this is said.
 */
final class Dependencies {

  private static final Map<String, List<String>> NEEDS = Map.of(
      "compute", List.of("identity", "placement", "network", "image"),
      "block-storage", List.of("identity", "image"));

  private Dependencies() {}

  static List<String> of(String service) {
    if (service.equals("identity") || service.startsWith("data-plane:")) {
      return List.of();
    }
    return NEEDS.getOrDefault(service, List.of("identity"));
  }

  /** Each service's outages, with the dependencies that were down at the same time named. */
  static Map<String, WindowResult.ServiceResult> name(Map<String, WindowResult.ServiceResult> services) {
    Map<String, WindowResult.ServiceResult> named = new LinkedHashMap<>();
    for (Map.Entry<String, WindowResult.ServiceResult> e : services.entrySet()) {
      WindowResult.ServiceResult s = e.getValue();
      List<WindowResult.OutageEntry> outages = new ArrayList<>(s.outages().size());
      for (WindowResult.OutageEntry o : s.outages()) {
        List<String> during = new ArrayList<>();
        for (String dependency : of(e.getKey())) {
          WindowResult.ServiceResult d = services.get(dependency);
          if (d != null && d.outages().stream().anyMatch(x -> overlap(x, o))) {
            during.add(dependency);
          }
        }
        outages.add(o.withDuring(during));
      }
      named.put(e.getKey(), new WindowResult.ServiceResult(s.requests(), s.failures(), s.downtimeSeconds(), s.longestOutageSeconds(), outages,
          s.latencyMs(), s.flows(), s.connections(), s.traffic(), s.phases(), s.coverage()));
    }
    return named;
  }

  private static boolean overlap(WindowResult.OutageEntry a, WindowResult.OutageEntry b) {
    return before(a.start(), b.end()) && before(b.start(), a.end());
  }

  private static boolean before(Instant a, Instant b) {
    return a.isBefore(b);
  }
}
