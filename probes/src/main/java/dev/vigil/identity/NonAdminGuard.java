package dev.vigil.identity;

import dev.vigil.VigilException;

/**
 * Vigil generates traffic as a cloud's users do (requirement 13): a token with the admin role sees
 * and may change everything, so its traffic measures nothing an end user would see, and a mistake
 * could touch other projects' resources.
 */
public final class NonAdminGuard {

  private NonAdminGuard() {}

  public static void requireNonAdmin(Token token, String cloudName) {
    if (token.hasRole("admin")) {
      throw new VigilException(
          "cloud \"" + cloudName + "\" authenticates user " + token.userName() + " with the admin role (project "
              + token.projectName() + "): Vigil sends traffic only as a non-admin user, to see the cloud as its users do;"
              + " create one (openstack user create --password-prompt vigil;"
              + " openstack role add --user vigil --project " + token.projectName() + " member)"
              + " and add it as its own cloud in clouds.yaml");
    }
  }
}
