package dev.vigil.cli;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.Catalog;
import dev.vigil.probe.ServiceProbe;
import dev.vigil.probe.ServiceProbes;
import dev.vigil.settings.Settings;
import dev.vigil.simulations.DataPlaneTarget;
import dev.vigil.simulations.WindowPlan;
import java.util.ArrayList;
import java.util.List;

/** Which services a window observes and at which endpoint: shared by {@code watch} and {@code run}. */
final class Targets {

  private Targets() {}

  /** The planned services: those asked for, or every known service the catalog lists. */
  static List<WindowPlan.Target> select(Catalog catalog, CloudConfig cloud, Settings settings) {
    ServiceProbes probes = ServiceProbes.load();
    List<ServiceProbe> chosen = new ArrayList<>();
    if (settings.services().isEmpty()) {
      probes.all().stream().filter(p -> ServiceProbes.catalogType(p, catalog).isPresent()).forEach(chosen::add);
    } else {
      settings.services().forEach(s -> chosen.add(probes.require(s)));
    }
    List<WindowPlan.Target> targets = new ArrayList<>();
    for (ServiceProbe probe : chosen) {
      String type =
          ServiceProbes.catalogType(probe, catalog)
              .orElseThrow(
                  () -> new VigilException("service " + probe.serviceType() + " is not in the catalog of cloud " + cloud.name()
                      + " (it lists " + catalog.services().stream().map(Catalog.Service::type).sorted().toList()
                      + "): leave it out of --services"));
      Catalog.Endpoint endpoint =
          catalog.endpoint(type, cloud.interfaceName(), cloud.regionName())
              .orElseThrow(
                  () -> new VigilException("service " + type + " has no " + cloud.interfaceName() + " endpoint"
                      + (cloud.regionName() == null ? "" : " in region " + cloud.regionName()) + " in the catalog of cloud " + cloud.name()
                      + ": check interface and region_name in clouds.yaml"));
      String url = cloud.endpointOverride(probe.serviceType()).or(() -> cloud.endpointOverride(type)).orElse(endpoint.url());
      targets.add(new WindowPlan.Target(probe.serviceType(), url));
    }
    if (targets.isEmpty()) {
      throw new VigilException("cloud " + cloud.name() + " lists none of the services Vigil knows (" + probes.names() + ")");
    }
    return targets;
  }


  /** The --data-plane targets, a Swift object read through the catalog's object-store endpoint. */
  static List<DataPlaneTarget> dataPlane(List<String> specs, Catalog catalog, CloudConfig cloud) {
    if (specs == null || specs.isEmpty()) {
      return List.of();
    }
    java.util.Optional<String> swift = cloud.endpointOverride("object-store")
        .or(() -> catalog.endpoint("object-store", cloud.interfaceName(), cloud.regionName()).map(Catalog.Endpoint::url));
    return specs.stream().map(s -> DataPlaneTarget.parse(s, swift)).toList();
  }
}
