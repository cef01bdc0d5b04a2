package dev.vigil.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.resources.Found;
import dev.vigil.resources.Kind;
import dev.vigil.resources.Remover;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepResultTest {

  private static final Found SERVER = new Found(Kind.SERVER, "s1", "vigil-20261125-134501-a3f9-server", "(ERROR)");
  private static final Found NET = new Found(Kind.NETWORK, "n1", "vigil-20261125-134501-a3f9-net", null);

  @Test
  void nothingFoundIsClean() {
    SweepResult r = new SweepResult(List.of(), new Remover.Removal(List.of(), List.of()), List.of(), false);
    assertThat(r.clean()).isTrue();
    assertThat(r.summary()).isEqualTo("nothing to remove: no leftovers");
  }

  @Test
  void whatRemainsIsNamedWithTheFirstReason() {
    SweepResult r =
        new SweepResult(List.of(SERVER, NET), new Remover.Removal(List.of(SERVER), List.of(new Remover.Failure(NET, "HTTP 409 network in use"))),
            List.of(NET), false);
    assertThat(r.clean()).isFalse();
    assertThat(r.summary())
        .isEqualTo("1 resources could not be removed: network vigil-20261125-134501-a3f9-net (id n1) (HTTP 409 network in use);"
            + " run vigil sweep again, or remove them with the openstack CLI");
  }

  @Test
  void aDryRunRemovesNothingAndSaysSo() {
    SweepResult r = new SweepResult(List.of(SERVER), new Remover.Removal(List.of(), List.of()), List.of(SERVER), true);
    assertThat(r.clean()).isFalse();
    assertThat(r.summary()).isEqualTo("1 resources would be removed (dry run)");
  }
}
