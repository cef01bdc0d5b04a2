package dev.vigil.probe;

import dev.vigil.VigilException;
import dev.vigil.identity.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registered service probes, found with {@link ServiceLoader}. */
public final class ServiceProbes {

  private final List<ServiceProbe> probes;

  private ServiceProbes(List<ServiceProbe> probes) {
    this.probes = List.copyOf(probes);
  }

  public static ServiceProbes load() {
    List<ServiceProbe> found = new ArrayList<>();
    ServiceLoader.load(ServiceProbe.class).forEach(found::add);
    return new ServiceProbes(found);
  }

  public List<ServiceProbe> all() {
    return probes;
  }

  public Optional<ServiceProbe> forType(String serviceType) {
    return probes.stream().filter(p -> p.serviceType().equals(serviceType)).findFirst();
  }

  /** A probe by its service type, or an error that lists the known ones. */
  public ServiceProbe require(String serviceType) {
    return forType(serviceType)
        .orElseThrow(
            () -> new VigilException(
                "unknown service \"" + serviceType + "\": Vigil knows " + names() + "; pick from those with --services"));
  }

  public String names() {
    return probes.stream().map(ServiceProbe::serviceType).sorted().collect(Collectors.joining(", "));
  }

  /**
   * The catalog endpoint of each known service type, e.g. for flows that use another service's
   * endpoint (compute finds its image in Glance).
   *
   * @param region null for the first region listed, as openstacksdk does
   * @return a function that throws a one-line error for a service the catalog lacks
   */
  public java.util.function.Function<String, String> endpoints(Catalog catalog, String interfaceName, String region) {
    return serviceType -> {
      ServiceProbe probe = require(serviceType);
      return catalogType(probe, catalog)
          .flatMap(type -> catalog.endpoint(type, interfaceName, region))
          .map(Catalog.Endpoint::url)
          .orElseThrow(() -> new VigilException("service " + serviceType + " has no " + interfaceName + " endpoint in the catalog"
              + (region == null ? "" : " in region " + region) + ": check interface and region_name in clouds.yaml"));
    };
  }

  /** The first of the probe's catalog types that the catalog lists. */
  public static Optional<String> catalogType(ServiceProbe probe, Catalog catalog) {
    return probe.catalogTypes().stream().filter(t -> catalog.service(t).isPresent()).findFirst();
  }
}
