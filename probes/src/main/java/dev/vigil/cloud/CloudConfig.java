package dev.vigil.cloud;

import java.nio.file.Path;

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
 */
public record CloudConfig(
    String name,
    String authUrl,
    Auth auth,
    String regionName,
    String interfaceName,
    Path cacert,
    boolean verify,
    Path source) {

  public CloudConfig {
    if (interfaceName == null || interfaceName.isBlank()) {
      interfaceName = "public";
    }
  }
}
