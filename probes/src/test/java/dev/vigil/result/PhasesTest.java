package dev.vigil.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for "which phase was an instant in", as finished windows and live readers build it. */
class PhasesTest {

  @Test
  void anInstantBelongsToTheLastPhaseMarkedAtOrBeforeIt() {
    Phases p = Phases.of(List.of(new WindowResult.PhaseSpan("before", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000)),
        new WindowResult.PhaseSpan("during", Instant.ofEpochMilli(2000), Instant.ofEpochMilli(3000))));
    assertThat(p.nameAt(999)).isNull();
    assertThat(p.nameAt(1000)).isEqualTo("before");
    assertThat(p.nameAt(1999)).isEqualTo("before");
    assertThat(p.nameAt(2000)).isEqualTo("during");
    assertThat(p.nameAt(10_000)).isEqualTo("during");
  }

  @Test
  void marksAddedLiveOutOfOrderAreKeptInTimeOrder() {
    Phases p = Phases.none().with(new Phases.Mark("after", 3000)).with(new Phases.Mark("before", 1000)).with(new Phases.Mark("during", 2000));
    assertThat(p.names()).containsExactly("before", "during", "after");
    assertThat(p.nameAt(2500)).isEqualTo("during");
  }

  @Test
  void aPhaseOverlapsTheIntervalsThatShareTimeWithIt() {
    WindowResult.PhaseSpan during = new WindowResult.PhaseSpan("during", Instant.ofEpochMilli(2000), Instant.ofEpochMilli(3000));
    assertThat(during.overlaps(Instant.ofEpochMilli(1500), Instant.ofEpochMilli(2001))).isTrue();
    assertThat(during.overlaps(Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000))).isFalse();
    assertThat(during.overlaps(Instant.ofEpochMilli(3000), Instant.ofEpochMilli(4000))).isFalse();
  }
}
