package dev.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.testing.Lab;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Keystone behaviour against the lab's real Keystone behind HAProxy. */
class IdentityLabIT {

  @Test
  void renewedTokensAreValidAtKeystone() throws Exception {
    CloudConfig cloud = Lab.cloud("lab");
    KeystoneClient client = new KeystoneClient(cloud);
    Token probe = client.authenticate(Duration.ofSeconds(30));
    // A margin of all but 2 s of the token's life makes the session renew after about 2 s, which
    // is how a window of hours behaves near each expiry.
    Duration margin = probe.lifetime().minusSeconds(2);
    List<String> log = new CopyOnWriteArrayList<>();
    try (IdentitySession session = IdentitySession.open(client, Duration.ofSeconds(30), margin, log::add)) {
      String first = session.token().id().reveal();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (session.renewals() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(session.renewals()).as(log.toString()).isGreaterThanOrEqualTo(2);
      String renewed = session.token().id().reveal();
      assertThat(renewed).isNotEqualTo(first);
      assertThat(validate(renewed)).isEqualTo(200);
    }
  }

  @Test
  void authenticationWaitsOutAKeystoneMaintenance() throws Exception {
    CloudConfig cloud = Lab.cloud("lab");
    Lab.Script outage = Lab.start("upgrade", "outage", "identity", "4");
    // wait until HAProxy has taken both Keystone servers out
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (outage.lines().stream().noneMatch(l -> l.contains("maint")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long start = System.nanoTime();
    Token token = new KeystoneClient(cloud).authenticate(Duration.ofSeconds(60));
    double waited = (System.nanoTime() - start) / 1e9;
    assertThat(outage.waitFor()).as(String.join("\n", outage.lines())).isZero();
    assertThat(token.catalog().services()).hasSizeGreaterThanOrEqualTo(7);
    assertThat(waited).as("seconds waited for Keystone").isGreaterThan(2.0);
  }

  @Test
  void adminAccountIsRefusedForTraffic() {
    Token admin = new KeystoneClient(Lab.cloud("lab-admin")).authenticate(Duration.ofSeconds(30));
    assertThatThrownBy(() -> NonAdminGuard.requireNonAdmin(admin, "lab-admin"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("admin role");
    Token member = new KeystoneClient(Lab.cloud("lab")).authenticate(Duration.ofSeconds(30));
    NonAdminGuard.requireNonAdmin(member, "lab");
    assertThat(member.roles()).contains("member").doesNotContain("admin");
  }

  private static int validate(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:5000/v3/auth/tokens"))
            .header("X-Auth-Token", token)
            .header("X-Subject-Token", token)
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
