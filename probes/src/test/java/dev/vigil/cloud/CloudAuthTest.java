package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.APP_SECRET;
import static dev.vigil.cloud.CloudFixture.PASSWORD;
import static dev.vigil.cloud.CloudFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cloud's settings turn into: auth, scope, region, interface, TLS. */
class CloudAuthTest {

  @TempDir Path tmp;
  CloudFixture f;

  @BeforeEach
  void setUp() {
    f = new CloudFixture(tmp);
  }

  /** Loads cloud "c" whose body (indented under it) is {@code body}. */
  private CloudConfig cloud(String body) {
    f.cwdFile("clouds.yaml", "clouds:\n  c:\n" + body.indent(4));
    return f.load("c");
  }

  private String cloudFailure(String body) {
    f.cwdFile("clouds.yaml", "clouds:\n  c:\n" + body.indent(4));
    return failure(() -> f.load("c"));
  }

  private static final String USER =
      "auth:\n  auth_url: https://k/v3\n  username: alice\n  password: " + PASSWORD + "\n";

  @Test
  void passwordWithProjectByNameAndDomains() {
    CloudConfig c = cloud(USER
        + "  user_domain_id: default\n  project_name: demo\n  project_domain_name: Default\n");

    Auth.Password auth = (Auth.Password) c.auth();
    assertThat(auth.username()).isEqualTo("alice");
    assertThat(auth.password().reveal()).isEqualTo(PASSWORD);
    assertThat(auth.userDomainId()).isEqualTo("default");
    assertThat(auth.scope()).isEqualTo(
        new Auth.Scope("demo", null, "Default", null, null, null));
    assertThat(c.interfaceName()).isEqualTo("public");
    assertThat(c.verify()).isTrue();
    assertThat(c.cacert()).isNull();
    assertThat(c.regionName()).isNull();
  }

  @Test
  void passwordWithProjectByIdNeedsNoProjectDomain() {
    Auth.Password auth = (Auth.Password) cloud(USER + "  user_domain_name: Default\n  project_id: 0123abc\n").auth();

    assertThat(auth.scope().projectId()).isEqualTo("0123abc");
    assertThat(auth.scope().projectDomainName()).isNull();
  }

  @Test
  void userIdNeedsNoDomainAndNoScopeIsUnscoped() {
    Auth.Password auth = (Auth.Password) cloud(
        "auth:\n  auth_url: https://k/v3\n  user_id: u-1\n  password: pw\n").auth();

    assertThat(auth.userId()).isEqualTo("u-1");
    assertThat(auth.username()).isNull();
    assertThat(auth.scope()).isEqualTo(Auth.Scope.none());
  }

  @Test
  void domainNameWithoutProjectIsADomainScope() {
    Auth.Password auth = (Auth.Password) cloud(USER + "  user_domain_name: Default\n  domain_name: Acme\n").auth();

    assertThat(auth.scope()).isEqualTo(new Auth.Scope(null, null, null, null, "Acme", null));
  }

  @Test
  void domainNameWithAProjectStandsForBothUserAndProjectDomains() {
    Auth.Password auth = (Auth.Password) cloud(USER + "  project_name: demo\n  domain_name: Acme\n").auth();

    assertThat(auth.userDomainName()).isEqualTo("Acme");
    assertThat(auth.scope()).isEqualTo(new Auth.Scope("demo", null, "Acme", null, null, null));
  }

  @Test
  void domainShorthandDoesNotOverrideExplicitDomains() {
    Auth.Password auth = (Auth.Password) cloud(USER
        + "  project_name: demo\n  domain_id: d1\n  user_domain_id: u-dom\n").auth();

    assertThat(auth.userDomainId()).isEqualTo("u-dom");
    assertThat(auth.scope().projectDomainId()).isEqualTo("d1");
    assertThat(auth.scope().domainId()).isNull();
  }

  @Test
  void defaultDomainFillsUserAndProjectDomainsForThePasswordPlugin() {
    Auth.Password auth = (Auth.Password) cloud(USER
        + "  project_name: demo\n  default_domain_id: default\n").auth();

    assertThat(auth.userDomainId()).isEqualTo("default");
    assertThat(auth.scope().projectDomainId()).isEqualTo("default");
  }

  @Test
  void defaultDomainIsUnknownToV3password() {
    String message = cloudFailure("auth_type: v3password\n" + USER
        + "  project_id: p\n  default_domain_id: default\n");

    assertThat(message).contains("auth.username needs the user's domain");
  }

  @Test
  void v3passwordIsAPasswordCloud() {
    assertThat(cloud("auth_type: v3password\n" + USER + "  user_domain_name: D\n").auth())
        .isInstanceOf(Auth.Password.class);
  }

  @Test
  void scopeKeysBesideAuthAreMovedInAndWin() {
    Auth.Password auth = (Auth.Password) cloud(USER
        + "  user_domain_name: Default\n  project_name: inner\n  project_domain_name: Default\n"
        + "project_name: outer\n").auth();

    assertThat(auth.scope().projectName()).isEqualTo("outer");
  }

  @Test
  void tenantNamesDashesAndNumbersAreReadLikeOpenstacksdk() {
    Auth.Password auth = (Auth.Password) cloud(
        "auth:\n  auth-url: https://k/v3\n  user-name: alice\n  password: 1234\n"
            + "  user-domain-name: Default\n  tenant_name: legacy\n  project-domain-id: 42\n").auth();

    assertThat(auth.username()).isEqualTo("alice");
    assertThat(auth.password().reveal()).isEqualTo("1234");
    assertThat(auth.scope().projectName()).isEqualTo("legacy");
    assertThat(auth.scope().projectDomainId()).isEqualTo("42");
  }

  @Test
  void authOptionsMayStandBesideAuthButInsideWins() {
    CloudConfig c = cloud("auth_url: https://outside/v3\nuser_id: u\npassword: outside\n"
        + "auth:\n  password: inside\n");

    assertThat(c.authUrl()).isEqualTo("https://outside/v3");
    assertThat(((Auth.Password) c.auth()).password().reveal()).isEqualTo("inside");
  }

  @Test
  void applicationCredentialById() {
    CloudConfig c = cloud("auth_type: v3applicationcredential\nauth:\n  auth_url: https://k/v3\n"
        + "  application_credential_id: ac-1\n  application_credential_secret: " + APP_SECRET + "\n");

    assertThat(c.auth()).isEqualTo(new Auth.ApplicationCredential(
        "ac-1", null, Secret.of(APP_SECRET), null, null, null, null));
  }

  @Test
  void applicationCredentialByNameWithItsOwner() {
    Auth.ApplicationCredential auth = (Auth.ApplicationCredential) cloud(
        "auth_type: v3applicationcredential\nauth:\n  auth_url: https://k/v3\n"
            + "  application_credential_name: vigil\n  application_credential_secret: " + APP_SECRET
            + "\n  username: alice\n  user_domain_name: Default\n").auth();

    assertThat(auth.name()).isEqualTo("vigil");
    assertThat(auth.username()).isEqualTo("alice");
    assertThat(auth.userDomainName()).isEqualTo("Default");
  }

  @Test
  void applicationCredentialFromTheEnvironment() {
    f.env("OS_AUTH_TYPE", "v3applicationcredential")
        .env("OS_AUTH_URL", "https://k/v3")
        .env("OS_APPLICATION_CREDENTIAL_ID", "ac-9")
        .env("OS_APPLICATION_CREDENTIAL_SECRET", APP_SECRET);

    Auth.ApplicationCredential auth = (Auth.ApplicationCredential) f.load(null).auth();

    assertThat(auth.id()).isEqualTo("ac-9");
    assertThat(auth.secret().reveal()).isEqualTo(APP_SECRET);
  }

  @Test
  void everyOsVariableOfAPasswordCloud() {
    f.env("OS_AUTH_URL", "https://k:5000/v3")
        .env("OS_USERNAME", "alice")
        .env("OS_USER_ID", "u-1")
        .env("OS_PASSWORD", PASSWORD)
        .env("OS_USER_DOMAIN_ID", "udid")
        .env("OS_USER_DOMAIN_NAME", "UD")
        .env("OS_PROJECT_NAME", "demo")
        .env("OS_PROJECT_ID", "pid")
        .env("OS_PROJECT_DOMAIN_NAME", "PD")
        .env("OS_PROJECT_DOMAIN_ID", "pdid")
        .env("OS_REGION_NAME", "RegionTwo")
        .env("OS_INTERFACE", "internal")
        .env("OS_CACERT", "ca.pem")
        .env("OS_IDENTITY_API_VERSION", "3");
    Path ca = f.cwdFile("ca.pem", "---");

    CloudConfig c = f.load(null);

    assertThat(c.name()).isEqualTo("envvars");
    assertThat(c.regionName()).isEqualTo("RegionTwo");
    assertThat(c.interfaceName()).isEqualTo("internal");
    assertThat(c.cacert()).isEqualTo(ca);
    assertThat(c.auth()).isEqualTo(new Auth.Password("alice", "u-1", Secret.of(PASSWORD), "UD",
        "udid", new Auth.Scope("demo", "pid", "PD", "pdid", null, null)));
  }

  @Test
  void osDomainNameAndTenantNameAndEndpointTypeFromTheEnvironment() {
    f.env("OS_AUTH_URL", "https://k/v3").env("OS_USERNAME", "a").env("OS_PASSWORD", "p")
        .env("OS_TENANT_NAME", "t").env("OS_DOMAIN_NAME", "Dom")
        .env("OS_ENDPOINT_TYPE", "internalURL").env("OS_INTERFACE", "public")
        .env("OS_INSECURE", "TRUE");

    CloudConfig c = f.load(null);
    Auth.Password auth = (Auth.Password) c.auth();

    assertThat(auth.userDomainName()).isEqualTo("Dom");
    assertThat(auth.scope()).isEqualTo(new Auth.Scope("t", null, "Dom", null, null, null));
    assertThat(c.interfaceName()).isEqualTo("internal");
    assertThat(c.verify()).isFalse();
  }

  @Test
  void regionNameOrTheFirstOfRegions() {
    assertThat(cloud(USER + "  user_domain_id: default\nregion_name: RegionOne\n").regionName())
        .isEqualTo("RegionOne");
    assertThat(cloud(USER + "  user_domain_id: default\nregions: [north, south]\n").regionName())
        .isEqualTo("north");
    // openstacksdk reads regions: before region_name:, whatever their order
    assertThat(cloud(USER + "  user_domain_id: default\nregion_name: south\nregions: [north, south]\n")
        .regionName()).isEqualTo("north");
    // the deprecated comma-separated list
    assertThat(cloud(USER + "  user_domain_id: default\nregion_name: east,west\n").regionName())
        .isEqualTo("east");
  }

  @Test
  void aRegionCanBeAskedForAndBringsItsValues() {
    f.cwdFile("clouds.yaml", "clouds:\n  c:\n" + (USER + "  user_domain_id: default\n"
        + "regions:\n  - north\n  - name: south\n    values:\n      interface: internal\n"
        + "      auth:\n        auth_url: https://south/v3\n").indent(4));

    CloudConfig south = f.loader().load("c", "south");

    assertThat(south.regionName()).isEqualTo("south");
    assertThat(south.interfaceName()).isEqualTo("internal");
    assertThat(south.authUrl()).isEqualTo("https://south/v3");
    assertThat(((Auth.Password) south.auth()).username()).isEqualTo("alice");

    assertThat(failure(() -> f.loader().load("c", "South")))
        .endsWith("cloud \"c\": region \"South\" is not one of its regions (north, south);"
            + " region names are case-sensitive");
  }

  @Test
  void aRegionAskedForACloudWithoutRegionsIsTakenAsIs() {
    f.cwdFile("clouds.yaml", "clouds:\n  c:\n" + (USER + "  user_domain_id: default\n").indent(4));

    assertThat(f.loader().load("c", "Anywhere").regionName()).isEqualTo("Anywhere");
  }

  @Test
  void authUrlMayReferToTheRegion() {
    assertThat(cloud("region_name: r1\nauth:\n  auth_url: https://{region_name}.example/v3\n"
        + "  user_id: u\n  password: p\n").authUrl()).isEqualTo("https://r1.example/v3");
  }

  @Test
  void interfaceAndItsOldNames() {
    String auth = "auth:\n  auth_url: https://k/v3\n  user_id: u\n  password: p\n";
    assertThat(cloud(auth + "interface: admin\n").interfaceName()).isEqualTo("admin");
    assertThat(cloud(auth + "endpoint_type: internal\n").interfaceName()).isEqualTo("internal");
    assertThat(cloud(auth + "endpoint_type: internal\ninterface: admin\n").interfaceName())
        .isEqualTo("internal");
    assertThat(cloud(auth + "interface: publicURL\n").interfaceName()).isEqualTo("public");
  }

  @Test
  void verifyAndInsecure() {
    String auth = "auth:\n  auth_url: https://k/v3\n  user_id: u\n  password: p\n";
    assertThat(cloud(auth + "verify: false\n").verify()).isFalse();
    assertThat(cloud(auth + "verify: true\n").verify()).isTrue();
    assertThat(cloud(auth + "insecure: true\n").verify()).isFalse();
    assertThat(cloud(auth + "insecure: true\nverify: true\n").verify()).isFalse();
    assertThat(cloud(auth + "insecure: false\n").verify()).isTrue();
  }

  @Test
  void cacertIsResolvedAgainstTheWorkingDirectoryAndHome() {
    String auth = "auth:\n  auth_url: https://k/v3\n  user_id: u\n  password: p\n";
    Path inCwd = f.cwdFile("certs/ca.pem", "x");
    Path inHome = f.write(f.home.resolve("ca.pem"), "x");

    assertThat(cloud(auth + "cacert: certs/ca.pem\n").cacert()).isEqualTo(inCwd);
    assertThat(cloud(auth + "cacert: ~/ca.pem\n").cacert()).isEqualTo(inHome);
    assertThat(cloud(auth + "cacert: " + inHome + "\n").cacert()).isEqualTo(inHome);
  }

  @Test
  void authPluginIsDeadBecauseTheDefaultAuthTypeWinsAsInOpenstacksdk() {
    assertThat(cloud("auth_plugin: v3applicationcredential\nauth:\n  auth_url: https://k/v3\n"
        + "  user_id: u\n  password: p\n").auth())
        .isInstanceOf(Auth.Password.class);
  }
}
