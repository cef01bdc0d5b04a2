package dev.vigil.resources;

import java.util.List;

/**
 * The services persistent resources live in: the catalog types each may be registered under, and
 * the API version path its requests need when the catalog's URL stops short of it (Neutron and
 * Glance are registered without their version; Nova, Cinder and Swift with it).
 */
public enum Service {
  COMPUTE(List.of("compute"), null),
  NETWORK(List.of("network"), "/v2.0"),
  VOLUME(List.of("block-storage", "volumev3"), null),
  IMAGE(List.of("image"), "/v2"),
  OBJECT_STORE(List.of("object-store"), null);

  private final List<String> catalogTypes;
  private final String versionPath;

  Service(List<String> catalogTypes, String versionPath) {
    this.catalogTypes = catalogTypes;
    this.versionPath = versionPath;
  }

  public List<String> catalogTypes() {
    return catalogTypes;
  }

  /** The service type Vigil's outcomes name it by. */
  public String type() {
    return catalogTypes.get(0);
  }

  /** The base URL requests are made against, from the catalog's endpoint URL. */
  String base(String endpointUrl) {
    String url = endpointUrl.endsWith("/") ? endpointUrl.substring(0, endpointUrl.length() - 1) : endpointUrl;
    if (versionPath != null && !url.endsWith(versionPath)) {
      url = url + versionPath;
    }
    return url;
  }
}
