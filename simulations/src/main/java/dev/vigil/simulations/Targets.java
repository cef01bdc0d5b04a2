package dev.vigil.simulations;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.discovery.CatalogCheck;
import dev.vigil.http.UrlRule;
import dev.vigil.http.Urls;
import dev.vigil.identity.Catalog;
import dev.vigil.probe.ServiceProbe;
import dev.vigil.probe.ServiceProbes;
import dev.vigil.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which services a window observes and at which endpoint: shared by {@code watch} and {@code run}. */
public final class Targets {

  private Targets() {}

  /** The planned services: those asked for, or every known service the catalog lists. */
  public static List<WindowPlan.Target> select(Catalog catalog, CloudConfig cloud, Settings settings) {
    ServiceProbes probes = ServiceProbes.load();
    CatalogCheck.requireEndpoints(catalog, cloud);
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
      targets.add(new WindowPlan.Target(probe.serviceType(), CatalogCheck.requireUsable(cloud, type, url)));
    }
    if (targets.isEmpty()) {
      throw new VigilException("cloud " + cloud.name() + " lists none of the services Vigil knows (" + probes.names() + ")");
    }
    return targets;
  }


  /**
   * Checks the --data-plane targets' URLs before anything touches the cloud, so that a bad one is
   * one line (and never shows a password written into it), in a dry run too.
   */
  public static void checkDataPlane(List<String> specs) {
    for (String spec : specs == null ? List.<String>of() : specs) {
      String s = spec.strip();
      if (s.startsWith("swift:")) {
        // the object store's endpoint is known only from the token; the spec's own shape is known now
        int slash = s.indexOf('/');
        if (slash <= "swift:".length() || slash == s.length() - 1) {
          throw new VigilException("--data-plane " + s + " is not a target: write swift:CONTAINER/OBJECT");
        }
        continue;
      }
      boolean tcp = spec.strip().startsWith("tcp://");
      UrlRule rule = new UrlRule(tcp ? Set.of("tcp") : Set.of("http", "https", "tcp"),
          tcp ? "tcp://203.0.113.10:22" : "http://203.0.113.10/", "probe a URL that needs no credentials", tcp);
      try {
        Urls.parse(spec, rule);
      } catch (Urls.BadUrl e) {
        throw new VigilException("--data-plane " + e.getMessage() + " (targets: http(s)://..., tcp://HOST:PORT or"
            + " swift:CONTAINER/OBJECT)");
      }
    }
  }

  /** The --data-plane targets, a Swift object read through the catalog's object-store endpoint. */
  public static List<DataPlaneTarget> dataPlane(List<String> specs, Catalog catalog, CloudConfig cloud) {
    if (specs == null || specs.isEmpty()) {
      return List.of();
    }
    checkDataPlane(specs);
    java.util.Optional<String> swift = cloud.endpointOverride("object-store")
        .or(() -> catalog.endpoint("object-store", cloud.interfaceName(), cloud.regionName()).map(Catalog.Endpoint::url));
    return specs.stream().map(s -> DataPlaneTarget.parse(s, swift)).toList();
  }
}
