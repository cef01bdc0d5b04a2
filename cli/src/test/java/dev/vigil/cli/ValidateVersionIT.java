package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil validate version against the running lab (Debian 12's Zed), as its non-admin user. */
class ValidateVersionIT {

  private static final String[] SERVICES = {"compute", "block-storage", "placement", "image", "identity", "object-store", "network"};

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());
  }

  private static Map<String, JsonNode> byService(JsonNode doc) {
    Map<String, JsonNode> m = new HashMap<>();
    doc.path("outcomes").forEach(o -> m.put(o.path("service").isNull() ? "-" : o.path("service").asText(), o));
    return m;
  }

  @Test
  void reportsZedForEveryService() throws Exception {
    Path out = dir.resolve("run");
    CommandRun run = CommandRun.run(env(), dir, "validate", "version", "--cloud", "lab", "--out", out.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(out.resolve("release-version.json").toFile());
    assertThat(doc.path("passed").asBoolean()).isTrue();
    Map<String, JsonNode> outcomes = byService(doc);
    for (String s : SERVICES) {
      // pinned services say zed; ambiguous ones list zed among their candidates and that the others point to zed
      assertThat(outcomes.get(s).path("message").asText()).as(s).contains("zed");
    }
    assertThat(outcomes.get("compute").path("status").asText()).isEqualTo("PASSED");
    assertThat(outcomes.get("object-store").path("status").asText()).isEqualTo("PASSED");
    assertThat(outcomes.get("-").path("message").asText()).isEqualTo("zed (all services' evidence combined)");
    JsonNode detected = new ObjectMapper().readTree(out.resolve("release-version-detected.json").toFile());
    assertThat(detected.path("phases").path("before").path("cloud").asText()).isEqualTo("zed");
    assertThat(Files.readString(out.resolve("junit.xml"))).contains("testsuite name=\"release-version\"");
  }

  @Test
  void failsAnExpected2023_1WithAMessagePerService() throws Exception {
    Path out = dir.resolve("run");
    CommandRun run = CommandRun.run(env(), dir, "validate", "version", "--cloud", "lab", "--phase", "after", "--expect-release", "2023.1",
        "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
    Map<String, JsonNode> outcomes = byService(new ObjectMapper().readTree(out.resolve("release-version.json").toFile()));
    for (String s : SERVICES) {
      assertThat(outcomes.get(s).path("message").asText()).as(s).startsWith(s + ": ").contains("2023.1");
      assertThat(outcomes.get(s).path("test").asText()).isEqualTo("release (after)");
    }
    assertThat(outcomes.get("compute").path("message").asText()).isEqualTo(
        "compute: expected 2023.1, detected zed (max microversion 2.93; 2023.1 announces 2.95)");
    assertThat(outcomes.get("object-store").path("status").asText()).isEqualTo("FAILED");
    assertThat(run.out()).contains("FAILED: release-version");
  }

  @Test
  void adminCloudNeedsAllowAdmin() {
    CommandRun refused = CommandRun.run(env(), dir, "validate", "version", "--cloud", "lab-admin", "--out", dir.resolve("a").toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(refused.err()).contains("admin role").contains("--allow-admin");
    CommandRun allowed = CommandRun.run(env(), dir, "validate", "version", "--cloud", "lab-admin", "--allow-admin", "--expect-release", "zed",
        "--out", dir.resolve("b").toString());
    assertThat(allowed.exitCode()).as(allowed.out() + allowed.err()).isZero();
  }
}
