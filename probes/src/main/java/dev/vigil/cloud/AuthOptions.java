package dev.vigil.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A cloud's auth options, looked up where openstacksdk looks ({@code _validate_auth}): inside
 * {@code auth:} first, then beside it, each under its current then its deprecated name.
 *
 * <p>Not a record: a record's toString would print the password it holds.
 */
final class AuthOptions {

  private final ObjectNode config;
  private final ObjectNode auth;
  private final CloudOrigin origin;

  /**
   * @param config the cloud's settings, after {@link ScopeKeyFixes}
   * @param auth its {@code auth:} mapping
   */
  AuthOptions(ObjectNode config, ObjectNode auth, CloudOrigin origin) {
    this.config = config;
    this.auth = auth;
    this.origin = origin;
  }

  /**
   * @param names the option's current name, then its deprecated ones
   * @return the value, or null when the option is not given (or empty)
   */
  String get(String... names) {
    for (ObjectNode in : List.of(auth, config)) {
      for (String name : names) {
        String value = origin.text(in.get(name), name);
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }
}
