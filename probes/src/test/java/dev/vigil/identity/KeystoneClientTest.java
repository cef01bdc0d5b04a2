package dev.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.cloud.Auth;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.Secret;
import dev.vigil.testing.FakeKeystone;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeystoneClientTest {

  static CloudConfig cloud(String authUrl, Auth auth) {
    return new CloudConfig("test", authUrl, auth, null, "public", null, true, null);
  }

  static Auth password(String password) {
    return new Auth.Password(
        "demo", null, Secret.of(password), "Default", null, new Auth.Scope("demo", null, "Default", null, null, null));
  }

  @Test
  void issuesATokenWithRolesAndCatalog() throws Exception {
    try (FakeKeystone keystone = new FakeKeystone()) {
      Token token = new KeystoneClient(cloud(keystone.authUrl(), password("s3cret"))).authenticate(Duration.ofSeconds(5));

      assertThat(token.id().reveal()).isEqualTo("token-1");
      assertThat(token.roles()).containsExactly("member", "reader");
      assertThat(token.hasRole("admin")).isFalse();
      assertThat(token.catalog().endpoint("compute", "public", null)).get().extracting(Catalog.Endpoint::url)
          .isEqualTo("http://127.0.0.1:8774/v2.1");
      assertThat(token.catalog().endpoint("compute", "public", "RegionTwo")).get().extracting(Catalog.Endpoint::url)
          .isEqualTo("http://two:8774/v2.1");
      assertThat(token.toString()).doesNotContain("token-1");
    }
  }

  @Test
  void sendsPasswordScopeAndApplicationCredentialAsKeystoneExpects() throws Exception {
    try (FakeKeystone keystone = new FakeKeystone()) {
      new KeystoneClient(cloud(keystone.authUrl(), password("s3cret"))).authenticate(Duration.ofSeconds(5));
      new KeystoneClient(
              cloud(keystone.authUrl(), new Auth.ApplicationCredential("ac-id", null, Secret.of("ac-secret"), null, null, null, null)))
          .authenticate(Duration.ofSeconds(5));

      assertThat(keystone.requestBodies().get(0))
          .contains("\"methods\":[\"password\"]")
          .contains("\"user\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"},\"password\":\"s3cret\"}")
          .contains("\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}");
      assertThat(keystone.requestBodies().get(1))
          .contains("\"methods\":[\"application_credential\"]")
          .contains("\"application_credential\":{\"id\":\"ac-id\",\"secret\":\"ac-secret\"}")
          .doesNotContain("scope");
    }
  }

  @Test
  void wrongPasswordIsOneLineNamingUserAndUrlWithoutTheSecret() throws Exception {
    try (FakeKeystone keystone = new FakeKeystone()) {
      keystone.answer(401);
      assertThatThrownBy(() -> new KeystoneClient(cloud(keystone.authUrl(), password("s3cret"))).authenticate(Duration.ofSeconds(5)))
          .isInstanceOf(VigilException.class)
          .hasMessageContaining("authentication failed for user demo at " + keystone.authUrl() + "/auth/tokens")
          .hasMessageContaining("HTTP 401")
          .hasMessageNotContaining("s3cret")
          .hasMessageNotContaining("\n");
      assertThat(keystone.requestBodies()).hasSize(1); // a refusal is not retried
    }
  }

  @Test
  void unreachableKeystoneIsRetriedThenNamed() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/v3";
    assertThatThrownBy(() -> new KeystoneClient(cloud(url, password("s3cret"))).authenticate(Duration.ofMillis(700)))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("cannot reach " + url + "/auth/tokens: connection refused")
        .hasMessageContaining("kept trying");
  }

  @Test
  void keystoneAnswering503IsRetriedUntilItRecovers() throws Exception {
    try (FakeKeystone keystone = new FakeKeystone()) {
      keystone.answer(503);
      Thread recover =
          new Thread(
              () -> {
                try {
                  Thread.sleep(600);
                } catch (InterruptedException e) {
                  return;
                }
                keystone.answer(201);
              });
      recover.start();
      Token token = new KeystoneClient(cloud(keystone.authUrl(), password("x"))).authenticate(Duration.ofSeconds(10));
      assertThat(token.id().reveal()).isEqualTo("token-1");
      assertThat(keystone.requestBodies().size()).isGreaterThan(1);
    }
  }

  @Test
  void v3UrlAcceptsEveryUsualSpelling() {
    assertThat(KeystoneClient.v3Url("http://h:5000")).isEqualTo("http://h:5000/v3");
    assertThat(KeystoneClient.v3Url("http://h:5000/")).isEqualTo("http://h:5000/v3");
    assertThat(KeystoneClient.v3Url("http://h:5000/v3/")).isEqualTo("http://h:5000/v3");
    assertThat(KeystoneClient.v3Url("http://h/identity/v2.0")).isEqualTo("http://h/identity/v3");
  }

  @Test
  void nonAdminGuardRefusesAdminAndSaysHowToFixIt() throws Exception {
    try (FakeKeystone keystone = new FakeKeystone()) {
      keystone.roles(List.of("admin", "member"));
      Token token = new KeystoneClient(cloud(keystone.authUrl(), password("x"))).authenticate(Duration.ofSeconds(5));
      assertThatThrownBy(() -> NonAdminGuard.requireNonAdmin(token, "test"))
          .hasMessageContaining("admin role")
          .hasMessageContaining("openstack role add --user vigil --project demo member");
    }
  }
}
