package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.VigilRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vigil.VigilException;
import dev.vigil.run.CommandDriver;
import dev.vigil.run.ExternalDriver;
import dev.vigil.version.Release;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's bad input: one line from build(), before anything touches a cloud. */
class VigilRunTest {

  @TempDir Path dir;

  private VigilRun.Builder builder() {
    return VigilRun.builder().environment(new Environment(Map.of(), dir, dir.resolve("home"), dir.resolve("etc")));
  }

  private static String failure(Runnable call) {
    Throwable t = catchThrowable(call::run);
    assertThat(t).isInstanceOf(VigilException.class);
    assertThat(t.getMessage()).doesNotContain("\n");
    return t.getMessage();
  }

  @Test
  void aRunNeedsADriver() {
    assertThat(failure(() -> builder().build())).startsWith("a run needs a driver: ");
  }

  @Test
  void anExternalDriverTakesNoPhaseLengths() {
    assertThat(failure(() -> builder().driver(new ExternalDriver()).before(Duration.ofSeconds(5)).build()))
        .startsWith("--before does not go with --driver external");
  }

  @Test
  void anUpgradeGoesForward() {
    assertThat(failure(() -> builder().driver(new CommandDriver("true", null)).expectBefore(Release.parse("2023.1"))
        .expectAfter(Release.parse("zed")).build())).contains("is older than --expect-before 2023.1");
  }

  @Test
  void phasesMustLast() {
    assertThat(failure(() -> builder().driver(new CommandDriver("true", null)).after(Duration.ZERO).build())).startsWith("--after 0: it must be more than 0 s");
  }

  @Test
  void phaseLengthsComeFromTheSettingsUnlessGiven() throws Exception {
    Files.writeString(dir.resolve("vigil.yaml"), "phases:\n  before: 42s\n");
    VigilRun run = builder().driver(new CommandDriver("true", null)).setting("load.rate", "3").build();
    assertThat(run.settings().phases().before()).isEqualTo(Duration.ofSeconds(42));
    assertThat(failure(() -> builder().driver(new CommandDriver("true", null)).setting("load.rat", "3").build())).contains("load.rat");
  }
}
