package dev.vigil.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GatlingFailuresTest {

  @Test
  void theFailureGatlingLogsForAUserIsTakenOnceByThatUser() {
    GatlingFailures failures = GatlingFailures.install();
    assertThat(failures).isNotNull();
    // as Gatling's StatsProcessor logs a request that got no answer
    org.slf4j.Logger gatling = LoggerFactory.getLogger(GatlingFailures.GATLING_LOGGER);
    gatling.debug(GatlingFailures.FAILED_FORMAT, "identity validate-token (new)", 42L, "j.n.ConnectException: Connection refused");
    gatling.debug("a dump of the request, also at DEBUG");
    assertThat(failures.take(41)).isNull();
    assertThat(failures.take(42)).isEqualTo("j.n.ConnectException: Connection refused");
    assertThat(failures.take(42)).as("taken once").isNull();
    assertThat(GatlingFailures.install()).isSameAs(failures);
    // Gatling's HTTP debug mode (a dump of every request) follows the package's logger: its level is left alone
    ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(context.getLogger("io.gatling.http.engine.response").getLevel()).isNull();
  }
}
