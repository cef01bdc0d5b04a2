package dev.vigil.discovery;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.Catalog;
import dev.vigil.identity.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds what a cloud offers from its token's catalog (requirement 15). */
public final class Discovery {

  private final VersionDocuments documents;

  public Discovery(VersionDocuments documents) {
    this.documents = documents;
  }

  /**
   * Every catalog service with an endpoint for the cloud's interface and region, sorted by type,
   * with its version document.
   *
   * @throws dev.vigil.VigilException when no service has such an endpoint
   */
  public List<DiscoveredService> discover(Token token, CloudConfig cloud) {
    CatalogCheck.requireEndpoints(token.catalog(), cloud);
    List<DiscoveredService> found = new ArrayList<>();
    for (Catalog.Service service : token.catalog().services()) {
      Optional<Catalog.Endpoint> endpoint =
          token.catalog().endpoint(service.type(), cloud.interfaceName(), cloud.regionName());
      // An endpoint override (clouds.yaml's <type>_endpoint_override) wins over the catalog, as in openstacksdk.
      endpoint
          .map(e -> CatalogCheck.requireUsable(cloud, service.type(), cloud.endpointOverride(service.type()).orElse(e.url())))
          .ifPresent(url -> found.add(new DiscoveredService(service.type(), service.name(), url, documents.fetch(service.type(), url))));
    }
    found.sort(Comparator.comparing(DiscoveredService::type));
    return found;
  }
}
