package dev.vigil.resources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query forms of resource names. */
final class Names {

  private Names() {}

  /**
   * Nova filters server names by regular expression (in the database for MySQL: no \Q…\E); run
   * names hold only letters, digits and dashes, so anchoring is all an exact match needs.
   */
  static String exactRegex(String name) {
    if (!name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("not a run resource name: " + name);
    }
    return URLEncoder.encode("^" + name + "$", StandardCharsets.UTF_8);
  }
}
