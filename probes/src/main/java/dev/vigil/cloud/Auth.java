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
   * What the token is scoped to. Every field may be null. {@link CloudConfigLoader} has applied
   * openstacksdk's rules already: with a project, {@code domain_id}/{@code domain_name} stands for
   * the user's and the project's domain where those are not given (and is then no scope of its
   * own); {@code default_domain_id}/{@code _name} fills a missing user or project domain for
   * {@code auth_type: password}.
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
