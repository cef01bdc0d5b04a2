package dev.vigil.http;

import java.util.Set;

/**
 * What one setting accepts as a URL, for {@link Urls#parse}.
 *
 * @param schemes the schemes allowed, lower case, e.g. http and https
 * @param example a URL of the right shape, shown in the fix
 * @param credentialsGoTo where a user name or password belongs instead of the URL, shown when the
 *     URL holds one
 * @param portRequired whether the URL must name its port (tcp://HOST:PORT)
 */
public record UrlRule(Set<String> schemes, String example, String credentialsGoTo, boolean portRequired) {

  public UrlRule {
    schemes = Set.copyOf(schemes);
  }

  /** An http:// or https:// URL with a host, no credentials. */
  public static UrlRule web(String example, String credentialsGoTo) {
    return new UrlRule(Set.of("http", "https"), example, credentialsGoTo, false);
  }
}
