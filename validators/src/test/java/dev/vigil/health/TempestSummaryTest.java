package dev.vigil.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TempestSummaryTest {

  /** The console of a real `tempest run --smoke` against the lab (Zed, 2026-11-25), with its one known failure. */
  static List<String> fixture() throws IOException {
    try (InputStream in = TempestSummaryTest.class.getResourceAsStream("tempest-smoke-run.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void readsTotalsAndFailedTestNames() throws IOException {
    TempestSummary s = TempestSummary.parse(fixture());
    assertThat(s.complete()).isTrue();
    assertThat(s.ran()).isEqualTo(92);
    assertThat(s.passed()).isEqualTo(76);
    assertThat(s.skipped()).isEqualTo(15);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.failedTests())
        .containsExactly("tempest.api.identity.admin.v3.test_credentials.CredentialsTestJSON.test_credentials_create_get_update_delete");
    assertThat(s.describe()).isEqualTo("76 passed, 15 skipped, 1 failed of 92");
    assertThat(s.passedAll()).isFalse();
  }

  @Test
  void aRunThatStoppedEarlyIsIncomplete() throws IOException {
    List<String> lines = fixture();
    TempestSummary s = TempestSummary.parse(lines.subList(0, 20));
    assertThat(s.complete()).isFalse();
    assertThat(s.failedTests()).hasSize(1);
  }

  @Test
  void aCleanRunPassesAndColoursAreIgnored() {
    TempestSummary s = TempestSummary.parse(List.of(
        "{0} tempest.api.compute.flavors.test_flavors.FlavorsV2TestJSON.test_get_flavor [0.1s] ... \u001B[32mok\u001B[0m",
        "{1} setUpClass (tempest.api.volume.test_volumes_get.VolumesGetTest) [0.000000s] ... \u001B[31mFAILED\u001B[0m",
        "", "======", "Totals", "======", "Ran: 2 tests in 3.0000 sec.", " - Passed: 1", " - Skipped: 0",
        " - Expected Fail: 0", " - Unexpected Success: 0", " - Failed: 1"));
    assertThat(s.failedTests()).containsExactly("setUpClass (tempest.api.volume.test_volumes_get.VolumesGetTest)");
    assertThat(s.failed()).isEqualTo(1);
    TempestSummary clean = TempestSummary.parse(List.of("Totals", "Ran: 1 tests in 1.0 sec.", " - Passed: 1", " - Failed: 0"));
    assertThat(clean.passedAll()).isTrue();
  }
}
