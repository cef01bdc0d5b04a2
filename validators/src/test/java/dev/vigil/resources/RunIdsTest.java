package dev.vigil.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import org.junit.jupiter.api.Test;

class RunIdsTest {

  @Test
  void oneRunSelectsItsOwnNamesOnly() {
    RunIds.NameFilter f = RunIds.of("vigil-20261125-134501-a3f9");
    assertThat(f.matches("vigil-20261125-134501-a3f9-server")).isTrue();
    assertThat(f.matches("vigil-20261125-134501-a3f9")).isTrue();
    assertThat(f.matches("vigil-20261125-134501-a3f91-server")).isFalse();
    assertThat(f.matches("vigil-20261125-134501-a3f")).isFalse();
    assertThat(f.matches("x-vigil-20261125-134501-a3f9-server")).isFalse();
    assertThat(f.matches(null)).isFalse();
  }

  @Test
  void anyRunSelectsNamesThatStartWithARunId() {
    RunIds.NameFilter f = RunIds.any();
    assertThat(f.matches("vigil-20261125-134501-a3f9-net")).isTrue();
    assertThat(f.matches("vigil-20200101-000000-0000")).isTrue();
    assertThat(f.matches("vigil-test")).isFalse();
    assertThat(f.matches("vigil-20261125-134501-A3F9-net")).isFalse();
    assertThat(f.matches("vigil-20261125-134501-a3f9x")).isFalse();
    assertThat(f.matches("my-vigil-20261125-134501-a3f9")).isFalse();
    assertThat(f.matches("")).isFalse();
  }

  @Test
  void aMistypedRunIdIsRefusedRatherThanSweptWide() {
    assertThatThrownBy(() -> RunIds.of("vigil-"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("\"vigil-\" is not a Vigil run id")
        .hasMessageContaining("vigil-20261125-134501-a3f9");
    assertThatThrownBy(() -> RunIds.of("vigil-20261125-134501-a3f9*")).isInstanceOf(VigilException.class);
  }

  @Test
  void kindsAreNamedAfterTheRun() {
    assertThat(Kind.SERVER.nameFor("vigil-20261125-134501-a3f9")).isEqualTo("vigil-20261125-134501-a3f9-server");
    assertThat(Kind.NETWORK.nameFor("vigil-20261125-134501-a3f9")).isEqualTo("vigil-20261125-134501-a3f9-net");
    assertThat(Kind.VOLUME_ATTACHMENT.label()).isEqualTo("volume-attachment");
    assertThat(Kind.fromLabel("volume-attachment")).isEqualTo(Kind.VOLUME_ATTACHMENT);
    for (Kind k : Kind.values()) {
      if (k != Kind.OBJECT && k != Kind.VOLUME_ATTACHMENT) {
        assertThat(RunIds.of("vigil-20261125-134501-a3f9").matches(k.nameFor("vigil-20261125-134501-a3f9"))).isTrue();
      }
    }
  }
}
