package dev.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FakeKeystone;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IdentitySessionTest {

  @Test
  void renewsBeforeExpiryAndKeepsTheOldTokenWhileKeystoneIsDown() throws Exception {
    try (FakeKeystone keystone = new FakeKeystone()) {
      keystone.lifetime(Duration.ofSeconds(2));
      List<String> log = new CopyOnWriteArrayList<>();
      KeystoneClient client = new KeystoneClient(KeystoneClientTest.cloud(keystone.authUrl(), KeystoneClientTest.password("x")));
      try (IdentitySession session = IdentitySession.open(client, Duration.ofSeconds(5), Duration.ofMinutes(5), log::add)) {
        String first = session.token().id().reveal();
        waitUntil(() -> session.renewals() >= 1, Duration.ofSeconds(10));
        assertThat(session.token().id().reveal()).isNotEqualTo(first);

        keystone.answer(503);
        int renewalsBefore = session.renewals();
        waitUntil(() -> !log.isEmpty(), Duration.ofSeconds(10));
        assertThat(log.get(0)).contains("token renewal failed").contains("retrying");
        assertThat(session.renewals()).isEqualTo(renewalsBefore);

        keystone.answer(201);
        waitUntil(() -> session.renewals() > renewalsBefore, Duration.ofSeconds(10));
      }
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(20);
    }
  }
}
