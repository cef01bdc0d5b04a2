package dev.vigil.cloud;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One cloud, resolved the way openstacksdk resolves it: from clouds.yaml (+ secure.yaml) or from
 * OS_* environment variables.
 *
 * @param name the cloud's name in clouds.yaml, or {@code envvars} when it came from OS_* variables
 * @param authUrl Keystone's URL as written (with or without {@code /v3})
 * @param auth credentials and scope
 * @param regionName {@code region_name}, or null to take the first region of the catalog
 * @param interfaceName {@code interface}: public (default), internal or admin
 * @param cacert CA bundle to trust instead of the system's, or null
 * @param verify false only when the user wrote {@code verify: false}: TLS is then not checked
 * @param source the file it came from (clouds.yaml), or null for environment variables
 * @param endpointOverrides service type → URL to use instead of the catalog's, from openstacksdk's
 *     {@code <service_type>_endpoint_override} keys (dashes written as underscores)
 */
public record CloudConfig(
    String name,
    String authUrl,
    Auth auth,
    String regionName,
    String interfaceName,
    Path cacert,
    boolean verify,
    Path source,
    Map<String, String> endpointOverrides) {

  public CloudConfig {
    if (interfaceName == null || interfaceName.isBlank()) {
      interfaceName = "public";
    }
    endpointOverrides = endpointOverrides == null ? Map.of() : Map.copyOf(endpointOverrides);
  }

  /** A cloud without endpoint overrides. */
  public CloudConfig(
      String name, String authUrl, Auth auth, String regionName, String interfaceName, Path cacert, boolean verify, Path source) {
    this(name, authUrl, auth, regionName, interfaceName, cacert, verify, source, Map.of());
  }

  /** The URL to use for a service type instead of its catalog endpoint, if the user set one. */
  public Optional<String> endpointOverride(String serviceType) {
    return Optional.ofNullable(endpointOverrides.get(serviceType));
  }
}
