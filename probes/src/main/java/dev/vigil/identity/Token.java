package dev.vigil.identity;

import dev.vigil.cloud.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A Keystone v3 token and what it says about its holder. The id is a {@link Secret}: it never
 * appears in logs or reports.
 *
 * @param body the token's JSON document as Keystone sent it (no secret inside: Keystone does not
 *     echo the token id in the body), kept so that openstack4j can be handed the same token
 */
public record Token(
    Secret id,
    Instant issuedAt,
    Instant expiresAt,
    String userId,
    String userName,
    String projectId,
    String projectName,
    List<String> roles,
    Catalog catalog,
    String body) {

  public Token {
    roles = List.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.stream().anyMatch(r -> r.equalsIgnoreCase(role));
  }

  public Duration lifetime() {
    return Duration.between(issuedAt, expiresAt);
  }

  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "Token[user=" + userName + ", project=" + projectName + ", roles=" + roles + ", expires=" + expiresAt + "]";
  }
}
