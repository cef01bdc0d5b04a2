package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.PASSWORD;
import static dev.vigil.cloud.CloudFixture.clouds;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.passwordCloud;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file is read, and which cloud is chosen: openstacksdk's search and selection rules. */
class CloudSourcesTest {

  @TempDir Path tmp;
  CloudFixture f;

  @BeforeEach
  void setUp() {
    f = new CloudFixture(tmp);
  }

  @Test
  void readsCloudsYamlFromTheWorkingDirectory() {
    Path file = f.cwdFile("clouds.yaml", clouds(passwordCloud("lab", "https://cwd:5000/v3")));

    CloudConfig cloud = f.load("lab");

    assertThat(cloud.name()).isEqualTo("lab");
    assertThat(cloud.authUrl()).isEqualTo("https://cwd:5000/v3");
    assertThat(cloud.source()).isEqualTo(file);
  }

  @Test
  void readsUserConfigDirWhenTheWorkingDirectoryHasNone() {
    f.userFile("clouds.yaml", clouds(passwordCloud("lab", "https://home:5000/v3")));
    f.etcFile("clouds.yaml", clouds(passwordCloud("lab", "https://etc:5000/v3")));

    assertThat(f.load("lab").authUrl()).isEqualTo("https://home:5000/v3");
  }

  @Test
  void readsEtcOpenstackLast() {
    f.etcFile("clouds.yaml", clouds(passwordCloud("lab", "https://etc:5000/v3")));

    assertThat(f.load("lab").authUrl()).isEqualTo("https://etc:5000/v3");
  }

  @Test
  void readsEtcXdgOpenstackBeforeEtcOpenstack() {
    f.write(f.etc.resolve("xdg/openstack/clouds.yaml"),
        clouds(passwordCloud("lab", "https://xdg:5000/v3")));
    f.etcFile("clouds.yaml", clouds(passwordCloud("lab", "https://etc:5000/v3")));

    assertThat(f.load("lab").authUrl()).isEqualTo("https://xdg:5000/v3");
  }

  @Test
  void xdgConfigHomeIsSearchedBeforeDotConfig() {
    f.env("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    f.write(tmp.resolve("xdg/openstack/clouds.yaml"),
        clouds(passwordCloud("lab", "https://xdghome:5000/v3")));
    f.userFile("clouds.yaml", clouds(passwordCloud("lab", "https://home:5000/v3")));

    assertThat(f.load("lab").authUrl()).isEqualTo("https://xdghome:5000/v3");
  }

  @Test
  void xdgConfigDirsIsSearchedOnlyWhenItNamesOneDirectoryLikePlatformdirs() {
    f.write(tmp.resolve("site/openstack/clouds.yaml"),
        clouds(passwordCloud("lab", "https://site:5000/v3")));
    f.etcFile("clouds.yaml", clouds(passwordCloud("lab", "https://etc:5000/v3")));

    f.env("XDG_CONFIG_DIRS", tmp.resolve("site").toString());
    assertThat(f.load("lab").authUrl()).isEqualTo("https://site:5000/v3");

    f.env("XDG_CONFIG_DIRS", tmp.resolve("site") + ":/etc/xdg");
    assertThat(f.load("lab").authUrl()).isEqualTo("https://etc:5000/v3");
  }

  @Test
  void snapRealHomeReplacesHomeForDotConfig() {
    f.env("SNAP_REAL_HOME", tmp.resolve("real").toString());
    f.write(tmp.resolve("real/.config/openstack/clouds.yaml"),
        clouds(passwordCloud("lab", "https://snap:5000/v3")));

    assertThat(f.load("lab").authUrl()).isEqualTo("https://snap:5000/v3");
  }

  @Test
  void onlyTheFirstFileFoundIsRead() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("here", "https://cwd:5000/v3")));
    f.userFile("clouds.yaml", clouds(passwordCloud("there", "https://home:5000/v3")));

    String message = failure(() -> f.load("there"));

    assertThat(message)
        .startsWith("cloud \"there\" not found in " + f.cwd.resolve("clouds.yaml"))
        .contains("(clouds there: here)")
        .contains("files searched: clouds.yaml|.yml|.json in " + f.cwd)
        .endsWith("pick one with --cloud or OS_CLOUD");
    assertThat(f.loader().cloudNames()).containsExactly("here");
  }

  @Test
  void osClientConfigFileComesFirst() {
    Path custom = f.write(tmp.resolve("elsewhere/my-clouds.yaml"),
        clouds(passwordCloud("lab", "https://custom:5000/v3")));
    f.cwdFile("clouds.yaml", clouds(passwordCloud("lab", "https://cwd:5000/v3")));
    f.env("OS_CLIENT_CONFIG_FILE", custom.toString());

    assertThat(f.load("lab").authUrl()).isEqualTo("https://custom:5000/v3");
    assertThat(f.loader().cloudsFile()).contains(custom);
  }

  @Test
  void osClientConfigFileThatDoesNotExistIsSkippedLikeOpenstacksdkDoes() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("lab", "https://cwd:5000/v3")));
    f.env("OS_CLIENT_CONFIG_FILE", tmp.resolve("missing.yaml").toString());

    assertThat(f.load("lab").authUrl()).isEqualTo("https://cwd:5000/v3");
    assertThat(f.loader().searchedFiles().get(0)).isEqualTo(tmp.resolve("missing.yaml"));
  }

  @Test
  void osClientConfigFileExpandsTildeAndResolvesAgainstTheWorkingDirectory() {
    f.write(f.home.resolve("c.yaml"), clouds(passwordCloud("lab", "https://tilde:5000/v3")));
    f.env("OS_CLIENT_CONFIG_FILE", "~/c.yaml");
    assertThat(f.load("lab").authUrl()).isEqualTo("https://tilde:5000/v3");

    f.cwdFile("sub/c.yaml", clouds(passwordCloud("lab", "https://relative:5000/v3")));
    f.env("OS_CLIENT_CONFIG_FILE", "sub/c.yaml");
    assertThat(f.load("lab").authUrl()).isEqualTo("https://relative:5000/v3");
  }

  @Test
  void ymlAndJsonAreAcceptedAndYamlIsPreferred() {
    f.cwdFile("clouds.yml", clouds(passwordCloud("lab", "https://yml:5000/v3")));
    assertThat(f.load("lab").authUrl()).isEqualTo("https://yml:5000/v3");

    f.cwdFile("clouds.yaml", clouds(passwordCloud("lab", "https://yaml:5000/v3")));
    assertThat(f.load("lab").authUrl()).isEqualTo("https://yaml:5000/v3");

    f.userFile("clouds.json", "{\"clouds\": {\"j\": {\"auth\": {\"auth_url\": \"https://json\","
        + " \"user_id\": \"u1\", \"password\": \"x\"}}}}");
    f.env("OS_CLIENT_CONFIG_FILE", f.home.resolve(".config/openstack/clouds.json").toString());
    assertThat(f.load("j").authUrl()).isEqualTo("https://json");
  }

  @Test
  void secureYamlIsMergedDeeplyIntoClouds() {
    f.cwdFile("clouds.yaml", clouds(
        "  lab:\n"
            + "    region_name: RegionOne\n"
            + "    auth:\n"
            + "      auth_url: https://k:5000/v3\n"
            + "      username: alice\n"
            + "      user_domain_name: Default\n"));
    Path secure = f.userFile("secure.yaml", "clouds:\n  lab:\n    auth:\n      password: " + PASSWORD + "\n");

    CloudConfigLoader loader = f.loader();
    CloudConfig cloud = loader.load("lab");

    Auth.Password auth = (Auth.Password) cloud.auth();
    assertThat(auth.password().reveal()).isEqualTo(PASSWORD);
    assertThat(auth.username()).isEqualTo("alice");
    assertThat(cloud.regionName()).isEqualTo("RegionOne");
    assertThat(loader.secureFile()).contains(secure);
  }

  @Test
  void secureYamlWinsOverCloudsYamlAndOsClientSecureFileComesFirst() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("lab", "https://k:5000/v3")));
    f.cwdFile("secure.yaml", "clouds:\n  lab:\n    auth:\n      password: from-cwd\n");
    Path custom = f.write(tmp.resolve("s.yaml"), "clouds:\n  lab:\n    auth:\n      password: from-env\n");

    assertThat(((Auth.Password) f.load("lab").auth()).password().reveal()).isEqualTo("from-cwd");

    f.env("OS_CLIENT_SECURE_FILE", custom.toString());
    assertThat(((Auth.Password) f.load("lab").auth()).password().reveal()).isEqualTo("from-env");
  }

  @Test
  void explicitNameBeatsOsCloud() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("a", "https://a/v3"), passwordCloud("b", "https://b/v3")));
    f.env("OS_CLOUD", "a");

    assertThat(f.load("b").name()).isEqualTo("b");
    assertThat(f.load(null).name()).isEqualTo("a");
    assertThat(f.load("  ").name()).isEqualTo("a");
  }

  @Test
  void osCloudBeatsTheEnvironmentCloud() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("a", "https://a/v3")));
    f.env("OS_CLOUD", "a").env("OS_AUTH_URL", "https://env/v3");

    assertThat(f.load(null).authUrl()).isEqualTo("https://a/v3");
  }

  @Test
  void environmentCloudBeatsTheOnlyCloudOfTheFile() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("a", "https://a/v3")));
    envPassword();

    CloudConfig cloud = f.load(null);

    assertThat(cloud.name()).isEqualTo("envvars");
    assertThat(cloud.authUrl()).isEqualTo("https://env:5000/v3");
    assertThat(cloud.source()).isNull();
  }

  @Test
  void theOnlyCloudOfTheFileIsUsedWhenNothingIsNamed() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("only", "https://only/v3")));

    assertThat(f.load(null).name()).isEqualTo("only");
  }

  @Test
  void severalCloudsAndNoneNamedIsAnError() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("a", "https://a/v3"), passwordCloud("b", "https://b/v3")));

    assertThat(failure(() -> f.load(null)))
        .isEqualTo("several clouds in " + f.cwd.resolve("clouds.yaml")
            + " (a, b) and none chosen; pick one with --cloud or OS_CLOUD");
  }

  @Test
  void aNamedCloudTakesNothingFromOsVariables() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("lab", "https://file/v3")));
    envPassword();
    f.env("OS_REGION_NAME", "EnvRegion").env("OS_INTERFACE", "admin").env("OS_INSECURE", "true");

    CloudConfig cloud = f.load("lab");

    assertThat(cloud.authUrl()).isEqualTo("https://file/v3");
    assertThat(((Auth.Password) cloud.auth()).password().reveal()).isEqualTo(PASSWORD);
    assertThat(cloud.regionName()).isNull();
    assertThat(cloud.interfaceName()).isEqualTo("public");
    assertThat(cloud.verify()).isTrue();
  }

  @Test
  void theEnvironmentCloudCanBeNamedExplicitlyAndRenamedWithOsCloudName() {
    envPassword();
    assertThat(f.load("envvars").name()).isEqualTo("envvars");

    f.env("OS_CLOUD_NAME", "from-env");
    assertThat(f.loader().cloudNames()).containsExactly("from-env");
    assertThat(f.load("from-env").authUrl()).isEqualTo("https://env:5000/v3");
  }

  @Test
  void selectorVariablesAloneMakeNoEnvironmentCloud() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("only", "https://only/v3")));
    f.env("OS_REGION_NAME", "R").env("OS_CLIENT_SECURE_FILE", "/nowhere")
        .env("OS_TEST_TIMEOUT", "60").env("OS_STDOUT_CAPTURE", "1").env("OS_LOG_CAPTURE", "1");

    assertThat(f.loader().cloudNames()).containsExactly("only");
    assertThat(f.load(null).name()).isEqualTo("only");
  }

  @Test
  void cloudNamesListsTheFileInOrderThenTheEnvironmentCloud() {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("zeta", "https://z/v3"), passwordCloud("alpha", "https://a/v3")));
    envPassword();

    assertThat(f.loader().cloudNames()).containsExactly("zeta", "alpha", "envvars");
  }

  @Test
  void aCloudOnlyInSecureYamlIsFound() {
    f.cwdFile("secure.yaml", clouds(passwordCloud("hidden", "https://h/v3")));

    assertThat(f.load("hidden").authUrl()).isEqualTo("https://h/v3");
  }

  @Test
  void profilesOfCloudsPublicYamlAreMergedUnderTheCloud() {
    f.etcFile("clouds-public.yaml",
        "public-clouds:\n"
            + "  acme:\n"
            + "    auth:\n"
            + "      auth_url: https://acme.example/v3\n"
            + "      user_domain_name: Acme\n"
            + "    regions: [north, south]\n"
            + "    interface: internal\n");
    f.cwdFile("clouds.yaml", clouds(
        "  mine:\n"
            + "    profile: acme\n"
            + "    interface: public\n"
            + "    auth:\n"
            + "      username: bob\n"
            + "      password: pw\n"
            + "      project_id: p1\n"));

    CloudConfig cloud = f.load("mine");

    assertThat(cloud.authUrl()).isEqualTo("https://acme.example/v3");
    assertThat(((Auth.Password) cloud.auth()).userDomainName()).isEqualTo("Acme");
    assertThat(cloud.regionName()).isEqualTo("north");
    assertThat(cloud.interfaceName()).isEqualTo("public");
  }

  private void envPassword() {
    f.env("OS_AUTH_URL", "https://env:5000/v3")
        .env("OS_USERNAME", "alice")
        .env("OS_PASSWORD", PASSWORD)
        .env("OS_USER_DOMAIN_NAME", "Default")
        .env("OS_PROJECT_NAME", "demo")
        .env("OS_PROJECT_DOMAIN_NAME", "Default");
  }
}
