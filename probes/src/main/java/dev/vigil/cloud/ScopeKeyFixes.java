package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * openstacksdk's fixes ({@code magic_fixes}) to the keys that name the user's domain and the
 * scope: they may be written in several places and shorthands, and the credentials are then read
 * from one.
 */
final class ScopeKeyFixes {

  private ScopeKeyFixes() {}

  static void apply(ObjectNode config, ObjectNode auth) {
    moveIntoAuth(config, auth);
    applyDomainShorthand(auth);
  }

  /**
   * Scope and domain keys may sit beside {@code auth:} as well as in it; openstacksdk moves them in,
   * the one outside winning ({@code _fix_backwards_auth}), and reads tenant_* as project_*.
   */
  private static void moveIntoAuth(ObjectNode config, ObjectNode auth) {
    String[][] aliases = {
      {"domain_id", "domain_id"},
      {"domain_name", "domain_name"},
      {"user_domain_id", "user_domain_id"},
      {"user_domain_name", "user_domain_name"},
      {"project_domain_id", "project_domain_id"},
      {"project_domain_name", "project_domain_name"},
      {"project_id", "tenant_id", "project_id"},
      {"project_name", "tenant_name", "project_name"},
    };
    for (String[] row : aliases) {
      String winner = null;
      for (int i = 1; i < row.length; i++) {
        for (ObjectNode from : List.of(auth, config)) {
          JsonNode value = from.remove(row[i]);
          if (value != null && value.isValueNode() && !value.isNull()) {
            winner = value.asText();
          }
        }
      }
      if (winner != null && !winner.isEmpty()) {
        auth.put(row[0], winner);
      }
    }
  }

  /**
   * With a project, {@code domain_id}/{@code domain_name} is shorthand for both the user's and the
   * project's domain (where those are not given); without a project, it is the scope
   * ({@code _handle_domain_id}).
   */
  private static void applyDomainShorthand(ObjectNode auth) {
    boolean projectScoped = auth.has("project_id") || auth.has("project_name");
    if (!projectScoped) {
      return;
    }
    for (String kind : List.of("id", "name")) {
      JsonNode domain = auth.remove("domain_" + kind);
      if (domain != null) {
        for (String target : List.of("user_domain_" + kind, "project_domain_" + kind)) {
          if (!auth.has(target)) {
            auth.set(target, domain);
          }
        }
      }
    }
  }
}
