package dev.vigil.cloud;

/** How Vigil authenticates with Keystone v3: the two methods of clouds.yaml it supports. */
public sealed interface Auth permits Auth.Password, Auth.ApplicationCredential {

  /**
   * {@code auth_type: password} (the default). The user is named by id, or by name plus its domain;
   * the scope is a project (by id, or name plus domain), a domain, or nothing (unscoped).
   */
  record Password(
      String username,
      String userId,
      Secret password,
      String userDomainName,
      String userDomainId,
      Scope scope)
      implements Auth {}

  /**
   * {@code auth_type: v3applicationcredential}: by id, or by name plus the owning user. The scope is
   * fixed by the credential itself.
   */
  record ApplicationCredential(
      String id,
      String name,
      Secret secret,
      String username,
      String userId,
      String userDomainName,
      String userDomainId)
      implements Auth {}

  /**
   * What the token is scoped to. Every field may be null; openstacksdk's rule applies: a
   * project_domain_* or domain_* falls back to the user's domain when the project is named without
   * one, and to {@code default_domain} when given.
   */
  record Scope(
      String projectName,
      String projectId,
      String projectDomainName,
      String projectDomainId,
      String domainName,
      String domainId) {

    public static Scope none() {
      return new Scope(null, null, null, null, null, null);
    }
  }
}
