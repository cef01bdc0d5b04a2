package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.APP_SECRET;
import static dev.vigil.cloud.CloudFixture.PASSWORD;
import static dev.vigil.cloud.CloudFixture.clouds;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.passwordCloud;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed input gives a one-line message naming the file, the cloud and the fix, and no
 * secret ({@link CloudFixture#failure} checks both).
 */
class CloudErrorsTest {

  @TempDir Path tmp;
  CloudFixture f;
  Path file;

  @BeforeEach
  void setUp() {
    f = new CloudFixture(tmp);
    file = f.cwd.resolve("clouds.yaml");
  }

  private String loadFailure(String cloudsYaml) {
    f.cwdFile("clouds.yaml", cloudsYaml);
    return failure(() -> f.load("c"));
  }

  @Test
  void noFileAndNoVariables() {
    String message = failure(() -> f.load(null));

    assertThat(message)
        .startsWith("no OpenStack credentials: no clouds.yaml found (files searched:"
            + " clouds.yaml|.yml|.json in " + f.cwd + ", " + f.home.resolve(".config/openstack")
            + ", " + f.etc.resolve("xdg/openstack") + ", " + f.etc.resolve("openstack") + ")")
        .contains("OS_CLOUD")
        .contains("OS_AUTH_URL");
  }

  @Test
  void namedCloudButNoFile() {
    f.env("OS_CLOUD", "lab");

    assertThat(failure(() -> f.load(null)))
        .startsWith("cloud \"lab\" (from OS_CLOUD) not found: no clouds.yaml found; files searched:")
        .contains("OS_CLIENT_CONFIG_FILE");
  }

  @Test
  void unknownCloudListsTheCloudsAndTheSearch() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("a", "https://a"), passwordCloud("b", "https://b")));

    assertThat(failure(() -> f.load("x")))
        .isEqualTo("cloud \"x\" not found in " + file + " (clouds there: a, b); files searched:"
            + " clouds.yaml|.yml|.json in " + f.cwd + ", " + f.home.resolve(".config/openstack")
            + ", " + f.etc.resolve("xdg/openstack") + ", " + f.etc.resolve("openstack")
            + "; pick one with --cloud or OS_CLOUD");
  }

  @Test
  void emptyFileHasNoClouds() {
    f.cwdFile("clouds.yaml", "");

    assertThat(failure(() -> f.load(null))).startsWith("no OpenStack credentials: " + file + " has no clouds");
  }

  @Test
  void badYamlGivesFileLineAndColumn() {
    assertThat(loadFailure("clouds:\n  c:\n    auth: {auth_url: x\n  d: 1\n"))
        .startsWith(file + ":4:4: ")
        .endsWith("(not valid YAML)");
  }

  @Test
  void badYamlNeverEchoesTheLineItFailedOn() {
    assertThat(loadFailure("clouds:\n  c:\n    auth:\n      password: '" + PASSWORD + "\n"))
        .startsWith(file + ":");
  }

  @Test
  void badSecureYamlIsNamed() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("c", "https://k")));
    Path secure = f.userFile("secure.yaml", "clouds: [\n");

    assertThat(failure(() -> f.load("c"))).startsWith(secure + ":");
  }

  @Test
  void topLevelNotAMapping() {
    assertThat(loadFailure("- a\n- b\n"))
        .isEqualTo(file + ": expected a mapping with a \"clouds:\" key at the top, found a list;"
            + " see docs/configuration.md for an example");
  }

  @Test
  void noCloudsKey() {
    assertThat(loadFailure("c:\n  auth: {}\n"))
        .startsWith(file + ": no \"clouds:\" mapping at the top level; put each cloud under clouds:");
  }

  @Test
  void cloudsNotAMapping() {
    assertThat(loadFailure("cache: {}\nclouds:\n  - c\n"))
        .startsWith(file + ":2: \"clouds:\" must be a mapping of cloud names to settings, found a list");
  }

  @Test
  void cloudNotAMapping() {
    assertThat(loadFailure("clouds:\n  ok: {}\n  c: https://keystone\n"))
        .startsWith(file + ":3: cloud \"c\" must be a mapping of settings");
  }

  @Test
  void authNotAMapping() {
    assertThat(loadFailure("clouds:\n  c:\n    auth: https://k\n"))
        .isEqualTo(file + ":2: cloud \"c\": auth must be a mapping (auth_url:, username:, ...)");
  }

  @Test
  void missingAuthUrl() {
    assertThat(loadFailure("clouds:\n  c:\n    auth:\n      user_id: u\n      password: " + PASSWORD + "\n"))
        .isEqualTo(file + ":2: cloud \"c\": auth_url is missing; add auth.auth_url (Keystone's URL,"
            + " e.g. https://keystone.example.com:5000/v3)");
  }

  @Test
  void missingAuthUrlInTheEnvironmentPointsAtClouds() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("lab", "https://k")));
    f.env("OS_IDENTITY_API_VERSION", "3").env("OS_PASSWORD", PASSWORD);

    assertThat(failure(() -> f.load(null)))
        .isEqualTo("cloud \"envvars\" (from OS_IDENTITY_API_VERSION, OS_PASSWORD): auth_url is"
            + " missing; set OS_AUTH_URL (Keystone's URL, e.g. https://keystone.example.com:5000/v3);"
            + " or, to use " + file + " (clouds: lab), pick one with --cloud or OS_CLOUD");
  }

  @Test
  void missingUser() {
    assertThat(loadFailure("clouds:\n  c:\n    auth:\n      auth_url: https://k\n      password: x\n"))
        .endsWith("cloud \"c\": no user; add auth.username (with auth.user_domain_name) or auth.user_id");
  }

  @Test
  void missingPassword() {
    assertThat(loadFailure("clouds:\n  c:\n    auth:\n      auth_url: https://k\n      user_id: u\n"))
        .endsWith("cloud \"c\": password is missing; add auth.password (or put it in secure.yaml)");
  }

  @Test
  void missingPasswordInTheEnvironment() {
    f.env("OS_AUTH_URL", "https://k").env("OS_USER_ID", "u");

    assertThat(failure(() -> f.load(null))).endsWith("password is missing; set OS_PASSWORD");
  }

  @Test
  void usernameWithoutDomain() {
    assertThat(loadFailure("clouds:\n  c:\n    auth:\n      auth_url: https://k\n      username: a\n"
        + "      password: " + PASSWORD + "\n"))
        .endsWith("cloud \"c\": auth.username needs the user's domain; add auth.user_domain_name"
            + " (often Default) or auth.user_domain_id (often default)");
  }

  @Test
  void projectNameWithoutDomain() {
    assertThat(loadFailure("clouds:\n  c:\n    auth:\n      auth_url: https://k\n      user_id: a\n"
        + "      password: p\n      project_name: demo\n"))
        .endsWith("cloud \"c\": auth.project_name needs the project's domain; add"
            + " auth.project_domain_name (often Default) or auth.project_domain_id, or use"
            + " auth.project_id instead");
  }

  @Test
  void applicationCredentialWithoutSecret() {
    assertThat(loadFailure("clouds:\n  c:\n    auth_type: v3applicationcredential\n    auth:\n"
        + "      auth_url: https://k\n      application_credential_id: id\n"))
        .endsWith("cloud \"c\": application_credential_secret is missing; add"
            + " auth.application_credential_secret (or put it in secure.yaml)");
  }

  @Test
  void applicationCredentialWithoutIdOrName() {
    assertThat(loadFailure("clouds:\n  c:\n    auth_type: v3applicationcredential\n    auth:\n"
        + "      auth_url: https://k\n      application_credential_secret: " + APP_SECRET + "\n"))
        .contains("no application credential; add auth.application_credential_id");
  }

  @Test
  void applicationCredentialByNameWithoutOwner() {
    assertThat(loadFailure("clouds:\n  c:\n    auth_type: v3applicationcredential\n    auth:\n"
        + "      auth_url: https://k\n      application_credential_name: n\n"
        + "      application_credential_secret: " + APP_SECRET + "\n"))
        .contains("application credential \"n\" is given by name, which Keystone can only look up"
            + " with its owner");
  }

  @Test
  void unsupportedAuthType() {
    assertThat(loadFailure("clouds:\n  c:\n    auth_type: token\n    auth:\n      auth_url: https://k\n"))
        .isEqualTo(file + ":2: cloud \"c\": auth_type \"token\" is not supported; use password"
            + " (the default), v3password or v3applicationcredential");
  }

  @Test
  void cacertNotFound() {
    assertThat(loadFailure("clouds:\n  c:\n    cacert: ~/missing.pem\n    auth:\n"
        + "      auth_url: https://k\n      user_id: u\n      password: p\n"))
        .isEqualTo(file + ":2: cloud \"c\": cacert file " + f.home.resolve("missing.pem")
            + " not found; fix cacert or remove it to trust the system's CAs");
  }

  @Test
  void verifyNotABoolean() {
    assertThat(loadFailure("clouds:\n  c:\n    verify: \"false\"\n    auth:\n"
        + "      auth_url: https://k\n      user_id: u\n      password: p\n"))
        .isEqualTo(file + ":2: cloud \"c\": verify must be true or false (unquoted), not \"false\"");
    assertThat(loadFailure("clouds:\n  c:\n    verify: /etc/ca.pem\n    auth:\n"
        + "      auth_url: https://k\n      user_id: u\n      password: p\n"))
        .contains("verify must be true or false");
  }

  @Test
  void osInsecureNotABoolean() {
    f.env("OS_AUTH_URL", "https://k").env("OS_USER_ID", "u").env("OS_PASSWORD", PASSWORD)
        .env("OS_INSECURE", "1");

    assertThat(failure(() -> f.load(null))).endsWith("OS_INSECURE must be true or false, not \"1\"");
  }

  @Test
  void badInterface() {
    assertThat(loadFailure("clouds:\n  c:\n    interface: private\n    auth:\n"
        + "      auth_url: https://k\n      user_id: u\n      password: p\n"))
        .endsWith("cloud \"c\": interface \"private\" is not one of public, internal, admin; fix interface");
  }

  @Test
  void badRegions() {
    assertThat(loadFailure("clouds:\n  c:\n    regions: north\n    auth: {auth_url: k, user_id: u, password: p}\n"))
        .contains("regions must be a list");
    assertThat(loadFailure("clouds:\n  c:\n    regions: [{name: a, extra: 1}]\n    auth: {auth_url: k, user_id: u, password: p}\n"))
        .contains("each entry of regions must be a name, or a mapping with name:");
  }

  @Test
  void aValueThatShouldBeTextIsAMapping() {
    assertThat(loadFailure("clouds:\n  c:\n    auth:\n      auth_url: {a: b}\n      user_id: u\n      password: p\n"))
        .endsWith("cloud \"c\": auth_url must be a single value, not a list or mapping");
  }

  @Test
  void aFileCloudNamedEnvvarsIsRefused() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("envvars", "https://k")));

    assertThat(failure(() -> f.loader()))
        .isEqualTo(file + ":2: a cloud is named \"envvars\", the name of the cloud made from OS_*"
            + " variables; rename it, or set OS_CLOUD_NAME to another name");
  }

  @Test
  void missingProfile() {
    assertThat(loadFailure("clouds:\n  c:\n    profile: nowhere\n"))
        .contains("profile \"nowhere\" is not in any clouds-public.yaml");
  }

  @Test
  void secretsNeverShowInToStringOrMessages() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("c", "https://k")));
    CloudConfig cloud = f.load("c");

    assertThat(cloud.toString()).contains("****").doesNotContain(PASSWORD);
    assertThat(cloud.auth().toString()).doesNotContain(PASSWORD);

    f.cwdFile("clouds.yaml", "clouds:\n  c:\n    auth_type: v3applicationcredential\n    auth:\n"
        + "      auth_url: https://k\n      application_credential_id: id\n"
        + "      application_credential_secret: " + APP_SECRET + "\n");
    assertThat(f.load("c").toString()).contains("****").doesNotContain(APP_SECRET);
    assertThat(Secret.of(APP_SECRET)).hasToString("****");
  }
}
