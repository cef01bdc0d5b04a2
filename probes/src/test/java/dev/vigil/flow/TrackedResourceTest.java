package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.FlowOutcome;
import org.junit.jupiter.api.Test;

class TrackedResourceTest {

  private static TrackedResource created() {
    return new TrackedResource("server", "s1", "req-1", 100);
  }

  @Test
  void readyAndGoneIsHonoured() {
    TrackedResource t = created();
    t.ready = true;
    t.deleted = true;
    t.gone = true;
    assertThat(t.verdict(null)).isEqualTo(new TrackedResource.Verdict(FlowOutcome.HONOURED, ""));
  }

  @Test
  void aFailureBeatsALossAndSaysWhetherItWasDeleted() {
    TrackedResource t = created();
    t.failure = "wait: status ERROR";
    t.lost = "the window ended";
    t.gone = true;
    assertThat(t.verdict("wait: status ERROR")).isEqualTo(new TrackedResource.Verdict(FlowOutcome.FAILED, "wait: status ERROR; since deleted"));
    t.gone = false;
    assertThat(t.verdict("wait: status ERROR").detail()).isEqualTo("wait: status ERROR; left for the cleanup");
  }

  @Test
  void aLossIsLost() {
    TrackedResource t = created();
    t.lost = "wait: still BUILD after the grace time (60 s)";
    assertThat(t.verdict("x")).isEqualTo(new TrackedResource.Verdict(FlowOutcome.LOST, "wait: still BUILD after the grace time (60 s); left for the cleanup"));
  }

  @Test
  void oneThatNeverGotReadyFailsWithTheFlowsFailure() {
    TrackedResource t = created();
    t.deleted = true;
    t.gone = true;
    assertThat(t.verdict("attach: HTTP 500")).isEqualTo(
        new TrackedResource.Verdict(FlowOutcome.FAILED, "the flow stopped before it was ready: attach: HTTP 500; since deleted"));
  }

  @Test
  void oneReadyButNotGoneIsLost() {
    TrackedResource t = created();
    t.ready = true;
    t.deleted = true;
    assertThat(t.verdict(null)).isEqualTo(new TrackedResource.Verdict(FlowOutcome.LOST, "not deleted; left for the cleanup"));
  }
}
