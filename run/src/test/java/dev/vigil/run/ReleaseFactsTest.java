package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.result.ServiceVerdict.Answer;
import dev.vigil.version.Candidates;
import dev.vigil.version.Release;
import dev.vigil.version.ReleaseJudge;
import dev.vigil.version.ReleaseReading;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rolling verdict's "versions end right", per service, as a real 2025.1 → 2026.1 lab upgrade
 * reads: Nova's 2.103 says 2026.1, Swift's 2.38 is newer (Debian's forky carries 2026.2's), and
 * Keystone's v3.14 says nothing. Each service is judged on its own reading.
 */
class ReleaseFactsTest {

  private static final Release R2025_1 = Release.parse("2025.1");
  private static final Release R2026_1 = Release.parse("2026.1");

  private static ReleaseReading reading(String service, String value, Candidates c) {
    return new ReleaseReading(service, value, c, service + " " + value, List.of(), null);
  }

  private final List<ReleaseReading> after = List.of(
      reading("compute", "2.103", Candidates.of(R2026_1)),
      reading("identity", "v3.14", Candidates.any()),
      reading("object-store", "2.38.2", new Candidates(List.of(), false, true)));
  private final List<Outcome> outcomes = ReleaseJudge.judge(Phase.AFTER, after, R2026_1);
  private final Map<String, ReleaseReading> byService = after.stream().collect(Collectors.toMap(ReleaseReading::service, Function.identity()));

  private Evidence.ReleaseFacts facts(String service) {
    return EvidenceBuilder.releaseFacts(service, Optional.empty(), Optional.of(byService.get(service)), outcomes, R2026_1);
  }

  @Test
  void theCloudWideOutcomeOfAMixedCloudDecidesNoServicesRelease() {
    assertThat(outcomes).anyMatch(o -> o.service() == null && o.failed());
    assertThat(facts("compute").answer()).isEqualTo(Answer.YES);
  }

  @Test
  void aServiceOutsideTheExpectedReleaseIsNotMetWithItsOwnReading() {
    Evidence.ReleaseFacts f = facts("object-store");
    assertThat(f.answer()).isEqualTo(Answer.NO);
    assertThat(f.why()).contains("expected 2026.1 after", "object-store");
  }

  @Test
  void aDocumentThatAllowsEveryReleaseCannotConfirmTheExpectedOne() {
    Evidence.ReleaseFacts f = facts("identity");
    assertThat(f.answer()).isEqualTo(Answer.INCONCLUSIVE);
    assertThat(f.why()).startsWith("cannot confirm the expected 2026.1").contains("v3.14");
  }

  @Test
  void withoutAnExpectedReleaseTheSameDocumentBeforeAndAfterIsEnough() {
    ReleaseReading same = reading("identity", "v3.14", Candidates.any());
    assertThat(EvidenceBuilder.releaseFacts("identity", Optional.of(same), Optional.of(same), List.of(), null).answer()).isEqualTo(Answer.YES);
  }
}
