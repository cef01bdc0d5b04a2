package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.Lab;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil discover against the running lab cloud, as its non-admin user. */
class DiscoverIT {

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString());
  }

  @Test
  void discoversEveryLabServiceWithItsVersionDocument() throws Exception {
    CommandRun run = CommandRun.run(env(), dir, "discover", "--cloud", "lab", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.path("admin").asBoolean()).isFalse();
    Set<String> types = new HashSet<>();
    for (JsonNode s : doc.path("services")) {
      types.add(s.path("type").asText());
      assertThat(s.has("error")).as(s.toString()).isFalse();
      assertThat(s.path("versions").size()).as(s.toString()).isPositive();
    }
    assertThat(types).contains("identity", "compute", "image", "placement", "block-storage", "object-store", "network");
  }

  @Test
  void textTableShowsNovaMicroversionsAndKeystone() {
    CommandRun run = CommandRun.run(env(), dir, "discover", "--cloud", "lab");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("non-admin").containsPattern("compute\\s+nova\\s+http://127.0.0.1:8774/v2.1\\s+v2.1 \\(2.1–2.\\d+\\) CURRENT");
    assertThat(run.out()).containsPattern("identity\\s+keystone\\s+http://127.0.0.1:5000/v3/?\\s+v3.\\d+");
  }

  @Test
  void adminCloudIsFlaggedAsRefusedForTraffic() {
    CommandRun run = CommandRun.run(env(), dir, "discover", "--cloud", "lab-admin");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("admin: traffic commands will refuse this cloud");
  }

  @Test
  void wrongPasswordNamesUserAndUrl() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("clouds.yaml"),
        "clouds:\n  wrong:\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n      username: demo\n      password: not-the-password\n"
            + "      project_name: demo\n      user_domain_name: Default\n      project_domain_name: Default\n");
    CommandRun run = CommandRun.run(Map.of(), dir, "discover", "--cloud", "wrong");
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("authentication failed for user demo at http://127.0.0.1:5000/v3/auth/tokens").doesNotContain("not-the-password");
  }
}
