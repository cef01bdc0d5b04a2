package dev.vigil.cloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cloud openstacksdk builds from OS_* variables ({@code _get_os_environ} in
 * openstack/config/loader.py): every OS_X_Y becomes the key x_y (OS_AUTH_URL is auth_url,
 * OS_PROJECT_NAME project_name, OS_ENDPOINT_TYPE endpoint_type...), then read like a cloud of
 * clouds.yaml written without an {@code auth:} block.
 *
 * <p>Its name is {@code envvars}, or OS_CLOUD_NAME. It exists only when some OS_* variable other
 * than the selectors below is set; OS_TEST*, OS_STD* and OS_LOG* belong to test tools and are
 * skipped.
 *
 * @param name the cloud's name
 * @param config the keys, as in clouds.yaml
 * @param variables the OS_* variables it was built from, sorted (names only: values are secret)
 */
record EnvVarsCloud(String name, ObjectNode config, List<String> variables) {

  static final String DEFAULT_NAME = "envvars";

  /** These choose a cloud or a file; alone they do not make an environment cloud. */
  private static final Set<String> SELECTORS =
      Set.of(
          "OS_CLOUD",
          "OS_REGION_NAME",
          "OS_CLIENT_CONFIG_FILE",
          "OS_CLIENT_SECURE_FILE",
          "OS_CLOUD_NAME");

  /** Keys that only select, and mean nothing inside a cloud. */
  private static final Set<String> NOT_KEYS =
      Set.of("OS_CLOUD", "OS_CLIENT_CONFIG_FILE", "OS_CLIENT_SECURE_FILE", "OS_CLOUD_NAME");

  static String nameIn(Map<String, String> env) {
    String name = env.get("OS_CLOUD_NAME");
    return name == null || name.isEmpty() ? DEFAULT_NAME : name;
  }

  static Optional<EnvVarsCloud> from(Map<String, String> env) {
    Map<String, String> relevant = new TreeMap<>();
    env.forEach(
        (key, value) -> {
          if (key.startsWith("OS_")
              && !key.startsWith("OS_TEST")
              && !key.startsWith("OS_STD")
              && !key.startsWith("OS_LOG")) {
            relevant.put(key, value);
          }
        });
    if (SELECTORS.containsAll(relevant.keySet())) {
      return Optional.empty();
    }
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    relevant.forEach(
        (key, value) -> {
          if (!NOT_KEYS.contains(key)) {
            config.put(key.substring(3).toLowerCase(Locale.ROOT), value);
          }
        });
    return Optional.of(
        new EnvVarsCloud(nameIn(env), config, List.copyOf(relevant.keySet())));
  }
}
