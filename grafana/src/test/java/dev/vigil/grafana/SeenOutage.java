package dev.vigil.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The precondition of the dashboard tests: the run saw lab/upgrade's outage, so the outage panels
 * have something to show. Vigil measures only what its probes saw: on a starved host the injector
 * can stall through part of the outage (seen in CI: 1.54 s of a 3 s outage), and then the run says
 * so as blind time rather than measuring downtime it did not see. Either way the run accounts for
 * the outage; the panels' figures are compared with result.json's, whatever they are.
 */
final class SeenOutage {

  private SeenOutage() {}

  /** At least one failed probe, and the outage's length seen as downtime or said to be blind, within 1 s. */
  static void check(JsonNode service, double seconds) {
    double down = service.path("downtime_seconds").asDouble();
    double blind = service.path("coverage").path("blind_seconds").asDouble();
    String evidence = "outages " + service.path("outages") + ", coverage " + service.path("coverage");
    assertThat(down).as("the run saw the outage: %s", evidence).isGreaterThan(0);
    assertThat(down + blind).as("the outage of %s s seen as downtime or said to be blind: %s", seconds, evidence).isGreaterThan(seconds - 1);
  }
}
