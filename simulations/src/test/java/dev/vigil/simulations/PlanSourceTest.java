package dev.vigil.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vigil.VigilException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain properties a Gatling user mistypes: one line naming the property, before anything touches a cloud. */
class PlanSourceTest {

  @TempDir Path dir;

  private String failure(Map<String, String> properties) {
    Throwable t = catchThrowable(() -> PlanSource.of(PlanSource.Kind.UPTIME, properties::get, Map.of(), dir, dir));
    assertThat(t).isInstanceOf(VigilException.class);
    assertThat(t.getMessage()).doesNotContain("\n");
    return t.getMessage();
  }

  @Test
  void aDurationThatIsNoneSaysWhichProperty() {
    assertThat(failure(Map.of("vigil.duration", "soon"))).startsWith("-Dvigil.duration=soon: ").endsWith("(e.g. 90s, 30m)");
    assertThat(failure(Map.of("vigil.duration", "0s"))).contains("a window must last more than 0 s");
  }

  @Test
  void aRateOrAServiceListThatIsNoneNamesTheProperty() {
    assertThat(failure(Map.of("vigil.rate", "fast"))).contains("-Dvigil.rate");
    assertThat(failure(Map.of("vigil.services", " , "))).contains("-Dvigil.services");
  }

  @Test
  void aMissingSettingsFileIsNamed() {
    assertThat(failure(Map.of("vigil.config", "nope.yaml"))).isEqualTo("-Dvigil.config=nope.yaml: no such file (looked at " + dir.resolve("nope.yaml") + ")");
  }

  @Test
  void aPlanFileWinsOverEverythingElse() {
    assertThat(failure(Map.of("vigil.plan", "missing.json", "vigil.duration", "soon"))).startsWith("cannot read the window plan ");
  }
}
