package dev.vigil.influx;

import dev.vigil.VigilException;
import dev.vigil.cloud.Secret;
import dev.vigil.settings.InfluxSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the points go and how they are batched: the {@code influx:} settings with the secret read
 * from the environment variable they name. {@link #toString()} and {@link #describe()} never show
 * the secret.
 *
 * @param secret v1: the password (with {@code user}); v2: the token; null when none
 */
public record InfluxTarget(URI url, InfluxSettings.Api api, String database, String org, String bucket, String user,
    Secret secret, int batchSize, Duration flushInterval) {

  public InfluxTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(api, "api");
  }

  /**
   * The target of {@code settings}, or null when they name no URL.
   *
   * @throws VigilException when the variable holding the secret is named but not set
   */
  public static InfluxTarget of(InfluxSettings settings, Map<String, String> env) {
    if (!settings.enabled()) {
      return null;
    }
    Secret secret = settings.api() == InfluxSettings.Api.V1
        ? settings.password(env).orElse(null)
        : settings.token(env).orElse(null);
    return new InfluxTarget(settings.url(), settings.api(), settings.database(), settings.org(), settings.bucket(), settings.user(),
        secret, settings.batchSize(), settings.flushInterval());
  }

  /** E.g. {@code http://127.0.0.1:8086 database vigil}: for messages, without the secret. */
  public String describe() {
    return url + (api == InfluxSettings.Api.V1 ? " database " + database : " org " + org + " bucket " + bucket);
  }

  @Override
  public String toString() {
    return describe();
  }
}
