package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.Lab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tempest's smoke tests through vigil validate health against the lab, for real: lab/tempest
 * installs Debian's python3-tempest and writes the workspace; Vigil runs it and reports its
 * figures and failures (the lab has one known failure, a Keystone credentials test that Debian's
 * security patch breaks; it must be reported, not hidden). About four minutes.
 */
class TempestIT {

  @TempDir Path dir;

  @Test
  void smokeRunsThroughVigilAndItsFailuresAreReported() throws Exception {
    Path repo = Lab.cloudsYaml().getParent().getParent();
    Process setup = new ProcessBuilder(repo.resolve("lab/tempest").toString(), "setup").redirectErrorStream(true).start();
    String setupOut = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(setup.waitFor()).as(setupOut).isZero();
    Process path = new ProcessBuilder(repo.resolve("lab/tempest").toString(), "path").start();
    String workspace = new String(path.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    path.waitFor();

    Path out = dir.resolve("run");
    CommandRun run = CommandRun.run(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir,
        "validate", "health", "--cloud", "lab", "--services", "identity", "--tempest-workspace", workspace, "--out", out.toString());

    JsonNode tempest = null;
    for (JsonNode o : new ObjectMapper().readTree(out.resolve("system-health.json").toFile()).path("outcomes")) {
      if (o.path("test").asText().startsWith("tempest smoke passes")) {
        tempest = o;
      }
    }
    assertThat(tempest).as(run.out() + run.err()).isNotNull();
    String message = tempest.path("message").asText();
    assertThat(message).matches("tempest smoke: \\d+ passed, \\d+ skipped, \\d+ failed of \\d+.*");
    int passed = Integer.parseInt(message.replaceAll("tempest smoke: (\\d+) passed.*", "$1"));
    assertThat(passed).as(message).isGreaterThan(50);
    if (message.contains(" 0 failed")) {
      assertThat(tempest.path("status").asText()).isEqualTo("PASSED");
      assertThat(run.exitCode()).isZero();
    } else {
      assertThat(tempest.path("status").asText()).isEqualTo("FAILED");
      assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
      assertThat(message).contains("tempest.api.");
    }
    assertThat(Files.size(out.resolve("tempest-smoke-before.log"))).isPositive();
  }
}
