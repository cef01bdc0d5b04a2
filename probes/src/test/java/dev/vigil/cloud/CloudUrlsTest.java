package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.ENV;
import static dev.vigil.cloud.CloudFixture.ENV_SUBJECT;
import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.FILE_SUBJECT;
import static dev.vigil.cloud.CloudFixture.PASSWORD;
import static dev.vigil.cloud.CloudFixture.clouds;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.passwordCloud;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cloud's URLs are checked when the cloud is read, wherever they were written: one line naming
 * the setting, where it was written and the fix, never the password a URL may carry. Before this
 * check each of these ended in "internal error: IllegalArgumentException" or printed the password.
 */
class CloudUrlsTest {

  @TempDir Path tmp;
  CloudFixture f;

  @BeforeEach
  void setUp() {
    f = new CloudFixture(tmp);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      127.0.0.1:5000/v3                 | auth.auth_url "127.0.0.1:5000/v3" has no scheme; write http://127.0.0.1:5000/v3 (http:// or https://)
      keystone.example.com:5000         | auth.auth_url "keystone.example.com:5000" has no scheme; write http://keystone.example.com:5000
      http://:5000/v3                   | auth.auth_url "http://:5000/v3" has no host; write it like https://keystone.example.com:5000/v3
      http:///v3                        | auth.auth_url "http:///v3" has no host
      http://127.0.0.1:99999/v3         | auth.auth_url "http://127.0.0.1:99999/v3": port 99999 is out of range (1 to 65535)
      http://127.0.0.1:0/v3             | auth.auth_url "http://127.0.0.1:0/v3": port 0 is out of range (1 to 65535)
      ftp://127.0.0.1:5000/v3           | auth.auth_url "ftp://127.0.0.1:5000/v3": the scheme ftp:// is not one Vigil can use here; write http:// or https://
      http://key_stone:5000/v3          | auth.auth_url "http://key_stone:5000/v3": "key_stone:5000" is not a host name
      http://h:port/v3                  | auth.auth_url "http://h:port/v3": "h:port" is not a host name
      `http://h:5000/v 3`               | auth.auth_url "http://h:5000/v 3" contains a space
      http://demo:PASSWORD@h:5000/v3    | auth.auth_url "http://***@h:5000/v3" holds a user name or password, which Vigil never puts in a URL (URLs are printed and recorded); remove it from the URL and give the credentials as auth.username and auth.password (or in secure.yaml)
      demo:PASSWORD@h:5000/v3           | auth.auth_url "***@h:5000/v3" holds a user name or password
      http://demo:PASS/WORD@h:5000/v3   | auth.auth_url "http://***@h:5000/v3" holds a user name or password
      """)
  void authUrlInCloudsYaml(String url, String message) {
    Path file = f.cwdFile("clouds.yaml", clouds(passwordCloud("c", url.replace("PASSWORD", PASSWORD))));

    assertThat(failure(() -> f.load("c"))).startsWith(file + ":2: cloud \"c\": " + message).doesNotContain("Exception");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1:5000/v3                 | OS_AUTH_URL "127.0.0.1:5000/v3" has no scheme; write http://127.0.0.1:5000/v3
      http://127.0.0.1:99999/v3         | OS_AUTH_URL "http://127.0.0.1:99999/v3": port 99999 is out of range
      ftp://h/v3                        | OS_AUTH_URL "ftp://h/v3": the scheme ftp:// is not one Vigil can use here
      http://demo:PASSWORD@h:5000/v3    | OS_AUTH_URL "http://***@h:5000/v3" holds a user name or password, which Vigil never puts in a URL (URLs are printed and recorded); remove it from the URL and give the credentials as OS_USERNAME and OS_PASSWORD
      """)
  void authUrlInTheEnvironment(String url, String message) {
    f.env("OS_AUTH_URL", url.replace("PASSWORD", PASSWORD)).env("OS_USERNAME", "alice").env("OS_PASSWORD", PASSWORD)
        .env("OS_USER_DOMAIN_NAME", "Default");

    assertThat(failure(() -> f.load(null))).startsWith("cloud \"envvars\" (from ").contains("): " + message)
        .doesNotContain("Exception");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      compute_endpoint_override: 127.0.0.1:8774/v2.1          | compute_endpoint_override "127.0.0.1:8774/v2.1" has no scheme
      block_storage_endpoint_override: http://u:PASSWORD@h/v3 | block_storage_endpoint_override "http://***@h/v3" holds a user name or password
      """)
  void endpointOverrides(String line, String message) {
    Path file = f.cwdFile("clouds.yaml",
        clouds(passwordCloud("c", "https://keystone.example.com/v3") + "    " + line.replace("PASSWORD", PASSWORD) + "\n"));

    assertThat(failure(() -> f.load("c"))).startsWith(file + ":2: cloud \"c\": " + message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https://keystone.example.com:5000/v3
      http://127.0.0.1:15000/v3
      http://[::1]:5000/v3
      https://cloud.example.com/identity/v3
      """)
  void goodUrlsPass(String url) {
    f.cwdFile("clouds.yaml", clouds(passwordCloud("c", url)));

    assertThat(f.load("c").authUrl()).isEqualTo(url);
  }

  /** {@link CloudUrls} alone: auth_url as found in the cloud's settings after merging. */
  private static String authUrl(String cloud) {
    ObjectNode config = yaml(cloud);
    return CloudUrls.authUrl(
        new AuthOptions(config, (ObjectNode) config.get("auth"), FILE), config, FILE, "");
  }

  @Test
  void authUrlMayReferOnlyToKeysTheCloudSets() {
    assertThat(authUrl("region_name: r1\nauth: {auth_url: 'https://{region_name}.x/v3'}"))
        .isEqualTo("https://r1.x/v3");
    assertThat(failure(() -> authUrl("auth: {auth_url: 'https://{region_name}.x/v3'}")))
        .isEqualTo(FILE_SUBJECT + "auth_url refers to {region_name}, which the cloud does not"
            + " set; set region_name or write the URL out");
    assertThat(failure(() -> authUrl("cacert: [a]\nauth: {auth_url: 'https://{cacert}/v3'}")))
        .contains("auth_url refers to {cacert}");
  }

  @Test
  void endpointOverridesAreKeyedByServiceTypeWithDashes() {
    ObjectNode config = yaml("block_storage_endpoint_override: https://b/v3\n"
        + "compute_endpoint_override: https://c/v2.1\nimage_endpoint_override: {a: b}");

    assertThat(CloudUrls.endpointOverrides(config, FILE))
        .containsExactly(entry("block-storage", "https://b/v3"), entry("compute", "https://c/v2.1"));
  }

  @Test
  void anEndpointOverrideFromTheEnvironmentIsNamedAsItsVariable() {
    ObjectNode config = yaml("compute_endpoint_override: 127.0.0.1:8774/v2.1");

    assertThat(failure(() -> CloudUrls.endpointOverrides(config, ENV)))
        .startsWith(ENV_SUBJECT + "OS_COMPUTE_ENDPOINT_OVERRIDE \"127.0.0.1:8774/v2.1\" has no"
            + " scheme");
  }
}
