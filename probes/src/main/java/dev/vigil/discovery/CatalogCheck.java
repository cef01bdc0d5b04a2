package dev.vigil.discovery;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.http.UrlRule;
import dev.vigil.http.Urls;
import dev.vigil.identity.Catalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a catalog that leaves nothing to observe: an empty one (a token without a project), or
 * one with no endpoint for the cloud's interface in its region (a misspelt region_name). Either
 * would otherwise end in "0 services" and exit 0.
 */
public final class CatalogCheck {

  private CatalogCheck() {}

  /**
   * The endpoint URL a service is reached at, checked like every URL Vigil is given.
   *
   * @throws VigilException naming the service and the fix when the URL cannot be used
   */
  public static String requireUsable(CloudConfig cloud, String serviceType, String url) {
    try {
      Urls.parse(url, UrlRule.web("https://cloud.example.com:8774/v2.1", "fix the endpoint in Keystone"));
      return url;
    } catch (Urls.BadUrl e) {
      throw new VigilException("the " + serviceType + " endpoint of cloud \"" + cloud.name() + "\" " + e.getMessage()
          + " (fix it in Keystone's catalog, or set " + serviceType.replace('-', '_') + "_endpoint_override)");
    }
  }

  /** @throws VigilException when no service has an endpoint for the cloud's interface and region */
  public static void requireEndpoints(Catalog catalog, CloudConfig cloud) {
    String subject = "cloud \"" + cloud.name() + "\"" + (cloud.source() == null ? " (OS_* variables)" : " in " + cloud.source());
    if (catalog.services().isEmpty()) {
      throw new VigilException(subject + ": the token's catalog lists no service (an unscoped token, or a project without"
          + " endpoints); give the cloud a project (project_name with project_domain_name, or project_id)");
    }
    boolean any = catalog.services().stream()
        .anyMatch(s -> catalog.endpoint(s.type(), cloud.interfaceName(), cloud.regionName()).isPresent());
    if (any) {
      return;
    }
    List<String> regions = catalog.regions(cloud.interfaceName());
    if (cloud.regionName() != null && !regions.isEmpty()) {
      throw new VigilException(subject + ": region \"" + cloud.regionName() + "\" has no " + cloud.interfaceName()
          + " endpoint in the catalog (regions there: " + String.join(", ", regions) + "); fix region_name"
          + (cloud.source() == null ? " (OS_REGION_NAME)" : "") + ", region names are case-sensitive");
    }
    Set<String> interfaces = new TreeSet<>();
    catalog.services().forEach(s -> s.endpoints().forEach(e -> interfaces.add(e.interfaceName())));
    throw new VigilException(subject + ": the catalog has no " + cloud.interfaceName() + " endpoint"
        + (cloud.regionName() == null ? "" : " in region " + cloud.regionName()) + " (interfaces there: "
        + String.join(", ", interfaces) + "); fix interface" + (cloud.source() == null ? " (OS_INTERFACE)" : ""));
  }
}
