package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Turns one cloud's raw settings (a clouds.yaml entry, or the OS_* variables) into a {@link
 * CloudConfig}, applying openstacksdk's rules in its order (openstack/config/loader.py, {@code
 * get_one} and {@code magic_fixes}; keystoneauth1's loaders for what each auth type requires).
 * The order is kept here, because which of several mistakes a user is told about first depends
 * on it; each rule lives in the class named for it.
 */
final class CloudResolver {

  private final Path cwd;
  private final Path home;
  private final CloudProfiles profiles;

  /**
   * @param cwd what relative paths are relative to
   * @param home what {@code ~} stands for
   * @param profiles finds a profile of clouds-public.yaml by name, or returns null
   */
  CloudResolver(Path cwd, Path home, Function<String, JsonNode> profiles) {
    this.cwd = cwd;
    this.home = home;
    this.profiles = new CloudProfiles(profiles);
  }

  /**
   * @param entry the cloud's raw settings
   * @param region the region asked for, or null for the cloud's first
   * @param otherChoices appended to the message when an environment cloud lacks auth_url, to
   *     point at clouds.yaml instead; may be empty
   */
  CloudConfig resolve(ObjectNode entry, CloudOrigin origin, String region, String otherChoices) {
    JsonNode auth = entry.get("auth");
    if (auth != null && !auth.isNull() && !auth.isObject()) {
      throw authNotAMapping(origin);
    }

    // 1. openstacksdk's defaults, then the vendor profile, then the cloud itself.
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("auth_type", "password");
    config.put("interface", "public");
    config.putObject("auth");
    JsonNode profile = profiles.of(entry, origin);
    if (profile != null) {
      Nodes.mergeAuth(config, profile);
    }
    Nodes.mergeAuth(config, entry);
    config.remove("cloud");

    // 2. The region, and the settings it overrides.
    RegionChoice.Region chosen = RegionChoice.choose(entry, profile, region, origin);
    config.remove("regions");
    if (chosen == null) {
      config.remove("region_name");
    } else {
      Nodes.mergeAuth(config, chosen.values());
      config.put("region_name", chosen.name());
    }

    // 3. The spelling fixes of magic_fixes: dashes, legacy names, domain shorthands.
    Nodes.normalizeKeys(config);
    if (!config.path("auth").isObject()) {
      throw authNotAMapping(origin);
    }
    ObjectNode authNode = (ObjectNode) config.get("auth");
    String authType = AuthTypeChoice.choose(config, origin);
    String interfaceName = InterfaceChoice.choose(config, origin);
    ScopeKeyFixes.apply(config, authNode);

    AuthOptions options = new AuthOptions(config, authNode, origin);
    String authUrl = CloudUrls.authUrl(options, config, origin, otherChoices);
    Auth credentials = CredentialsReader.read(authType, options, origin);
    TlsOptions tls = TlsOptions.read(config, origin, cwd, home);
    return new CloudConfig(
        origin.cloud(),
        authUrl,
        credentials,
        chosen == null ? null : chosen.name(),
        interfaceName,
        tls.cacert(),
        tls.verify(),
        origin.file(),
        CloudUrls.endpointOverrides(config, origin));
  }

  private static VigilException authNotAMapping(CloudOrigin origin) {
    return new VigilException(
        origin.subject() + ": auth must be a mapping (auth_url:, username:, ...)");
  }
}
