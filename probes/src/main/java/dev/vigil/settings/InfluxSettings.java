package dev.vigil.settings;

import dev.vigil.VigilException;
import dev.vigil.cloud.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code influx:} optional export of every measurement to InfluxDB. The file names the environment
 * variable that holds the password or token, never the secret itself, so vigil.yaml can be
 * committed and shared.
 *
 * @param url the server, e.g. http://localhost:8086 [null: no export]
 * @param api v1 (database, user, password) or v2 (org, bucket, token) [v1]
 * @param database v1: the database to write to
 * @param org v2: the organisation
 * @param bucket v2: the bucket
 * @param user v1: the user name, if the server requires one
 * @param passwordEnv v1: name of the environment variable holding the password
 * @param tokenEnv v2: name of the environment variable holding the API token
 * @param batchSize points sent in one write [5000]
 * @param flushInterval longest time a point waits before it is sent [1s]
 * @param injector the {@code injector} tag of every point: which Vigil host wrote it [null: the
 *     host name]
 */
public record InfluxSettings(
    URI url,
    Api api,
    String database,
    String org,
    String bucket,
    String user,
    String passwordEnv,
    String tokenEnv,
    int batchSize,
    Duration flushInterval,
    String injector) {

  public enum Api {
    V1,
    V2
  }

  public InfluxSettings {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(flushInterval, "flushInterval");
  }

  public static InfluxSettings defaults() {
    return new InfluxSettings(
        null, Api.V1, null, null, null, null, null, null, 5000, Duration.ofSeconds(1), null);
  }

  public boolean enabled() {
    return url != null;
  }

  /**
   * The v1 password, read from the variable {@code password_env} names, or empty when none is
   * named.
   *
   * @throws VigilException if the variable is named but not set
   */
  public Optional<Secret> password(Map<String, String> env) {
    return secretFrom("influx.password_env", passwordEnv, env);
  }

  /** Like {@link #password} for the v2 token named by {@code token_env}. */
  public Optional<Secret> token(Map<String, String> env) {
    return secretFrom("influx.token_env", tokenEnv, env);
  }

  private static Optional<Secret> secretFrom(String key, String name, Map<String, String> env) {
    if (name == null) {
      return Optional.empty();
    }
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      throw new VigilException(
          key + " names the environment variable " + name + ", but it is not set; export "
              + name + " before running Vigil");
    }
    return Optional.of(Secret.of(value));
  }
}
