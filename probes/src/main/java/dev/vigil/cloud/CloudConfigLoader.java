package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.settings.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds OpenStack credentials the way openstacksdk (and so the {@code openstack} CLI) does, so that
 * a cloud that works with {@code openstack --os-cloud x} works with {@code vigil --cloud x}.
 *
 * <p>Which cloud: the name given (--cloud), else OS_CLOUD, else the cloud built from OS_*
 * variables when any is set, else the only cloud of clouds.yaml. A named cloud takes nothing from
 * OS_* variables: openstacksdk keeps those in a separate cloud called {@code envvars}.
 *
 * <p>Where: see {@link SearchPath}; only the first clouds.yaml and the first secure.yaml found are
 * read. docs/configuration.md has the whole story for users.
 *
 * <p>Every failure is a {@link VigilException} whose one-line message names the file, the cloud and
 * the fix, and never a secret.
 */
public final class CloudConfigLoader {

  private final Map<String, String> env;
  private final SearchPath search;
  private final CloudsYaml clouds;
  private final Optional<EnvVarsCloud> envCloud;
  private final CloudResolver resolver;
  private JsonNode publicClouds;

  private CloudConfigLoader(Map<String, String> env, Path cwd, Path home, SearchPath search) {
    this.env = Map.copyOf(env);
    this.search = search;
    this.clouds = CloudsYaml.find(search);
    this.envCloud = EnvVarsCloud.from(env);
    this.resolver = new CloudResolver(cwd, home, this::publicCloud);
    String envName = EnvVarsCloud.nameIn(env);
    if (clouds.clouds().has(envName)) {
      // openstacksdk refuses this too: the file's cloud and the environment's would be confused.
      throw new VigilException(
          clouds.where(envName) + ": a cloud is named \"" + envName + "\", the name of the cloud"
              + " made from OS_* variables; rename it, or set OS_CLOUD_NAME to another name");
    }
  }

  /**
   * A loader that reads only what it is given, for tests and for callers with their own
   * environment.
   *
   * @param env the environment variables
   * @param cwd the working directory (searched first, and the base of relative paths)
   * @param home the user's home directory ({@code ~})
   * @param etcOpenstack the system directory, normally {@code /etc/openstack}; its sibling
   *     ../xdg/openstack (normally /etc/xdg/openstack) is searched just before it
   * @throws VigilException if a clouds.yaml or secure.yaml found is malformed
   */
  public static CloudConfigLoader of(
      Map<String, String> env, Path cwd, Path home, Path etcOpenstack) {
    return new CloudConfigLoader(
        env, cwd, home, SearchPath.standard(env, cwd, home, etcOpenstack));
  }

  /** A loader for this process: its environment, working directory, home and /etc/openstack. */
  public static CloudConfigLoader fromSystem() {
    return of(
        System.getenv(),
        Path.of(System.getProperty("user.dir")),
        Path.of(System.getProperty("user.home")),
        Path.of("/etc/openstack"));
  }

  /**
   * The cloud named {@code cloudName}, or when null, the one openstacksdk would pick; in its first
   * region unless {@code region_name} or the first of {@code regions:} says otherwise.
   */
  public CloudConfig load(String cloudName) {
    return load(cloudName, null);
  }

  /**
   * Like {@link #load(String)}, in the region {@code regionName} (null: the cloud's first). A
   * cloud that lists {@code regions:} only accepts one of them.
   */
  public CloudConfig load(String cloudName, String regionName) {
    String name = blankToNull(cloudName);
    String from = "--cloud";
    if (name == null) {
      name = blankToNull(env.get("OS_CLOUD"));
      from = "OS_CLOUD";
    }
    if (name != null) {
      return loadNamed(name, from, regionName);
    }
    if (envCloud.isPresent()) {
      return resolveEnv(envCloud.get(), regionName, true);
    }
    List<String> names = clouds.names();
    if (names.size() == 1) {
      return resolveFile(names.get(0), regionName);
    }
    if (names.isEmpty()) {
      throw new VigilException(noCredentials());
    }
    throw new VigilException(
        "several clouds in " + fileDescription() + " (" + String.join(", ", names)
            + ") and none chosen; pick one with --cloud or OS_CLOUD");
  }

  /** The names of the clouds to choose from: clouds.yaml's in file order, then the OS_* one. */
  public List<String> cloudNames() {
    List<String> names = new ArrayList<>(clouds.names());
    envCloud.ifPresent(c -> names.add(c.name()));
    return List.copyOf(names);
  }

  /** The clouds.yaml that was read, if any. */
  public Optional<Path> cloudsFile() {
    return Optional.ofNullable(clouds.file());
  }

  /** The secure.yaml that was merged in, if any. */
  public Optional<Path> secureFile() {
    return Optional.ofNullable(clouds.secureFile());
  }

  /** In the order they are tried; for "where did it look" messages. */
  public List<Path> searchedFiles() {
    return search.cloudsFiles();
  }

  private CloudConfig loadNamed(String name, String from, String regionName) {
    if (clouds.clouds().has(name)) {
      return resolveFile(name, regionName);
    }
    if (envCloud.isPresent() && envCloud.get().name().equals(name)) {
      return resolveEnv(envCloud.get(), regionName, false);
    }
    String choice = from.equals("OS_CLOUD") ? " (from OS_CLOUD)" : "";
    if (clouds.file() == null && clouds.secureFile() == null) {
      throw new VigilException(
          "cloud \"" + name + "\"" + choice + " not found: no clouds.yaml found; files searched: "
              + search.describeClouds() + "; create one (see docs/configuration.md) or set"
              + " OS_CLIENT_CONFIG_FILE to its path");
    }
    List<String> names = cloudNames();
    throw new VigilException(
        "cloud \"" + name + "\"" + choice + " not found in " + fileDescription() + " (clouds there: "
            + (names.isEmpty() ? "none" : String.join(", ", names)) + "); files searched: "
            + search.describeClouds() + "; pick one with --cloud or OS_CLOUD");
  }

  private CloudConfig resolveFile(String name, String regionName) {
    ObjectNode entry = (ObjectNode) clouds.clouds().get(name);
    CloudOrigin origin =
        CloudOrigin.file(name, clouds.where(name), fileOrSecure(), clouds.secureFile());
    return resolver.resolve(entry, origin, regionName, "");
  }

  private CloudConfig resolveEnv(EnvVarsCloud cloud, String regionName, boolean implicit) {
    CloudOrigin origin = CloudOrigin.env(cloud.name(), cloud.variables());
    // A stray OS_* variable (OS_IDENTITY_API_VERSION, say) makes openstacksdk prefer an
    // environment cloud that is incomplete over a perfectly good clouds.yaml: point at the way out.
    String others = implicit && !clouds.names().isEmpty()
        ? "; or, to use " + fileDescription() + " (clouds: " + String.join(", ", clouds.names())
            + "), pick one with --cloud or OS_CLOUD"
        : "";
    return resolver.resolve(cloud.config(), origin, regionName, others);
  }

  private Path fileOrSecure() {
    return clouds.file() != null ? clouds.file() : clouds.secureFile();
  }

  private String fileDescription() {
    if (clouds.file() == null) {
      return String.valueOf(clouds.secureFile());
    }
    return clouds.secureFile() == null ? clouds.file().toString()
        : clouds.file() + " (with " + clouds.secureFile() + ")";
  }

  private String noCredentials() {
    String empty = clouds.file() == null ? "no clouds.yaml found"
        : clouds.file() + " has no clouds";
    return "no OpenStack credentials: " + empty + " (files searched: " + search.describeClouds()
        + ") and no OS_* variables set; either write a clouds.yaml and choose a cloud with"
        + " --cloud or OS_CLOUD, or source an openrc file that sets OS_AUTH_URL, OS_USERNAME,"
        + " OS_PASSWORD, ... (see docs/configuration.md)";
  }

  /** The profile {@code name} of the first clouds-public.yaml, or null. Read on first use. */
  private JsonNode publicCloud(String name) {
    if (publicClouds == null) {
      publicClouds = CloudsYaml.firstReadable(search.publicCloudsFiles())
          .map(YamlDocument::read)
          .map(YamlDocument::root)
          .map(root -> root.path("public-clouds"))
          .orElse(MissingNode.getInstance());
    }
    JsonNode profile = publicClouds.get(name);
    return profile == null || profile.isNull() ? null : profile;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
