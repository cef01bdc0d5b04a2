package dev.vigil.cloud;

import dev.vigil.VigilException;

/**
 * A cloud's credentials and scope. What keystoneauth1's loaders require of each auth type is
 * checked here, where the message can name the setting to add, rather than left to Keystone.
 */
final class CredentialsReader {

  private CredentialsReader() {}

  /**
   * @param authType one of {@link AuthTypeChoice}'s
   */
  static Auth read(String authType, AuthOptions options, CloudOrigin origin) {
    return authType.equals("v3applicationcredential")
        ? applicationCredential(options, origin)
        : password(options, origin, authType.equals("password"));
  }

  private static Auth password(AuthOptions options, CloudOrigin origin, boolean generic) {
    String subject = origin.subject();
    String username = options.get("username", "user_name");
    String userId = options.get("user_id");
    String password = options.get("password");
    // Only the generic "password" plugin knows default_domain_*: it stands in for a missing user
    // or project domain (keystoneauth1 identity/generic/password.py and base.py).
    String defaultDomainId = generic ? options.get("default_domain_id") : null;
    String defaultDomainName = generic ? options.get("default_domain_name") : null;
    String userDomainId = or(options.get("user_domain_id"), defaultDomainId);
    String userDomainName = or(options.get("user_domain_name"), defaultDomainName);

    if (username == null && userId == null) {
      throw new VigilException(
          subject + ": no user; " + origin.howToSet("username", true) + " (with "
              + origin.spell("user_domain_name", true) + ") or " + origin.spell("user_id", true));
    }
    if (password == null) {
      throw new VigilException(
          subject + ": password is missing; " + origin.howToSet("password", true)
              + (origin.fromEnvironment() ? "" : " (or put it in secure.yaml)"));
    }
    requireUserDomain(username, userDomainName, userDomainId, origin);
    Auth.Scope scope = scope(options, origin, defaultDomainId, defaultDomainName);
    return new Auth.Password(
        username, userId, Secret.of(password), userDomainName, userDomainId, scope);
  }

  private static Auth applicationCredential(AuthOptions options, CloudOrigin origin) {
    String subject = origin.subject();
    String id = options.get("application_credential_id");
    String name = options.get("application_credential_name");
    String secret = options.get("application_credential_secret");
    String username = options.get("username", "user_name");
    String userId = options.get("user_id");
    String userDomainName = options.get("user_domain_name");
    String userDomainId = options.get("user_domain_id");
    if (secret == null) {
      throw new VigilException(
          subject + ": application_credential_secret is missing; "
              + origin.howToSet("application_credential_secret", true)
              + (origin.fromEnvironment() ? "" : " (or put it in secure.yaml)"));
    }
    if (id == null && name == null) {
      throw new VigilException(
          subject + ": no application credential; "
              + origin.howToSet("application_credential_id", true) + " (or "
              + origin.spell("application_credential_name", true) + " with the owner's "
              + origin.spell("username", true) + ")");
    }
    // A credential's name is unique only per user, so Keystone needs its owner to find it.
    if (id == null && username == null && userId == null) {
      throw new VigilException(
          subject + ": application credential \"" + name + "\" is given by name, which Keystone"
              + " can only look up with its owner; " + origin.howToSet("username", true)
              + " and " + origin.spell("user_domain_name", true) + ", or "
              + origin.spell("user_id", true) + ", or use "
              + origin.spell("application_credential_id", true) + " instead");
    }
    requireUserDomain(username, userDomainName, userDomainId, origin);
    return new Auth.ApplicationCredential(
        id, name, Secret.of(secret), username, userId, userDomainName, userDomainId);
  }

  /** keystoneauth's rule: a user name is unique only within its domain. */
  private static void requireUserDomain(
      String username, String domainName, String domainId, CloudOrigin origin) {
    if (username != null && domainName == null && domainId == null) {
      throw new VigilException(
          origin.subject() + ": " + origin.spell("username", true) + " needs the user's domain;"
              + " " + origin.howToSet("user_domain_name", true) + " (often Default) or "
              + origin.spell("user_domain_id", true) + " (often default)");
    }
  }

  private static Auth.Scope scope(
      AuthOptions options, CloudOrigin origin, String defaultDomainId, String defaultDomainName) {
    String projectName = options.get("project_name");
    String projectId = options.get("project_id");
    String projectDomainName = or(options.get("project_domain_name"), defaultDomainName);
    String projectDomainId = or(options.get("project_domain_id"), defaultDomainId);
    // keystoneauth's BaseV3Loader refuses a project name without its domain; with the generic
    // plugin Keystone refuses it instead, later and less clearly.
    if (projectName != null && projectId == null && projectDomainName == null
        && projectDomainId == null) {
      throw new VigilException(
          origin.subject() + ": " + origin.spell("project_name", true) + " needs the project's"
              + " domain; " + origin.howToSet("project_domain_name", true) + " (often Default) or "
              + origin.spell("project_domain_id", true) + ", or use "
              + origin.spell("project_id", true) + " instead");
    }
    return new Auth.Scope(
        projectName,
        projectId,
        projectDomainName,
        projectDomainId,
        options.get("domain_name"),
        options.get("domain_id"));
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
