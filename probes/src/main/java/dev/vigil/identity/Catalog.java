package dev.vigil.identity;

import java.util.List;
import java.util.Optional;

/** The service catalog of a Keystone v3 token. */
public record Catalog(List<Service> services) {

  public Catalog {
    services = List.copyOf(services);
  }

  public record Service(String type, String name, List<Endpoint> endpoints) {
    public Service {
      endpoints = List.copyOf(endpoints);
    }
  }

  public record Endpoint(String interfaceName, String region, String url) {}

  /**
   * The endpoint of a service type for an interface, in a region or, when region is null, the first
   * region listed (openstacksdk's behaviour when no region_name is set).
   */
  public Optional<Endpoint> endpoint(String type, String interfaceName, String region) {
    return services.stream()
        .filter(s -> s.type().equals(type))
        .flatMap(s -> s.endpoints().stream())
        .filter(e -> e.interfaceName().equals(interfaceName))
        .filter(e -> region == null || region.equals(e.region()))
        .findFirst();
  }

  /** The regions with at least one endpoint of {@code interfaceName}, sorted. */
  public List<String> regions(String interfaceName) {
    return services.stream()
        .flatMap(s -> s.endpoints().stream())
        .filter(e -> e.interfaceName().equals(interfaceName) && e.region() != null)
        .map(Endpoint::region)
        .distinct()
        .sorted()
        .toList();
  }

  public Optional<Service> service(String type) {
    return services.stream().filter(s -> s.type().equals(type)).findFirst();
  }
}
