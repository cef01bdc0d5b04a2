package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import dev.vigil.health.Tempest;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.Token;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.vigil.testing.Lab;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil validate health against the running lab, as its non-admin user. */
class ValidateHealthIT {

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString(), "PATH", System.getenv().getOrDefault("PATH", ""));
  }

  private static List<JsonNode> outcomes(Path out) throws Exception {
    List<JsonNode> list = new ArrayList<>();
    new ObjectMapper().readTree(out.resolve("system-health.json").toFile()).path("outcomes").forEach(list::add);
    return list;
  }

  @Test
  void passesOnAHealthyLabAndLeavesNothingBehind() throws Exception {
    Path out = dir.resolve("run");
    CommandRun run = CommandRun.run(env(), dir, "validate", "health", "--cloud", "lab", "--out", out.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<JsonNode> outcomes = outcomes(out);
    assertThat(outcomes).filteredOn(o -> o.path("test").asText().startsWith("create, read, delete"))
        .extracting(o -> o.path("service").asText())
        .containsExactlyInAnyOrder("compute", "image", "block-storage", "object-store", "network");
    for (JsonNode o : outcomes) {
      if (o.path("test").asText().startsWith("create, read, delete")) {
        // the observers' own flow, once: every accepted create honoured, and what it made deleted
        List<String> evidence = new java.util.ArrayList<>();
        o.path("evidence").forEach(e -> evidence.add(e.asText()));
        assertThat(evidence).as(o.toString()).anyMatch(e -> e.startsWith("ok     outcome of ") && e.contains("HONOURED"));
        assertThat(evidence).as(o.toString()).anyMatch(e -> e.startsWith("ok     delete-"));
      }
    }
    String runId = run.err().replaceAll("(?s).*vigil: run (vigil-[0-9a-f-]+):.*", "$1");
    assertThat(runId).startsWith("vigil-");
    assertThat(leftovers(runId + "-health")).isEmpty();
    JsonNode tempest = outcomes.stream().filter(o -> o.path("test").asText().startsWith("tempest smoke")).findFirst().orElseThrow();
    if (Tempest.find(System.getenv("PATH")).isEmpty()) {
      assertThat(tempest.path("status").asText()).isEqualTo("SKIPPED");
      assertThat(tempest.path("message").asText()).contains("apt-get install python3-tempest");
    }
  }

  /** Names of networks, images and containers of the demo project that start with {@code prefix}. */
  private List<String> leftovers(String prefix) throws Exception {
    CloudConfig cloud = CloudConfigLoader.of(env(), dir, dir.resolve("home"), dir.resolve("etc")).load("lab");
    Token token = new KeystoneClient(cloud).authenticate(Duration.ofSeconds(30));
    HttpClient http = HttpClient.newHttpClient();
    List<String> found = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    String[][] lists = {{"network", "v2.0/networks", "networks"}, {"image", "v2/images", "images"}, {"object-store", "?format=json", null}};
    for (String[] l : lists) {
      String base = token.catalog().endpoint(l[0], "public", "RegionOne").orElseThrow().url().replaceAll("/+$", "");
      String url = base + (l[1].startsWith("?") ? l[1] : "/" + l[1]);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token.id().reveal()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(url).isEqualTo(200);
      JsonNode items = l[2] == null ? json.readTree(r.body()) : json.readTree(r.body()).path(l[2]);
      items.forEach(i -> {
        if (i.path("name").asText().startsWith(prefix)) {
          found.add(l[0] + " " + i.path("name").asText());
        }
      });
    }
    return found;
  }

  @Test
  void failsNamingImageWhileHaproxyHoldsItInMaintenance() throws Exception {
    Path upgrade = Lab.cloudsYaml().getParent().resolve("upgrade");
    // lab/upgrade waits its turn when another one runs, and prints an EVENT line when the outage starts
    Process outage = new ProcessBuilder(upgrade.toString(), "outage", "image", "20").redirectErrorStream(true).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(outage.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.matches("EVENT \\S+ image all maint")) {
        assertThat(line).doesNotContain("ERROR");
      }
      assertThat(line).as("lab/upgrade put image in maintenance").isNotNull();
      Path out = dir.resolve("run");
      CommandRun run = CommandRun.run(env(), dir, "validate", "health", "--cloud", "lab", "--services", "image,identity", "--out", out.toString());
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILED);
      assertThat(run.out()).containsPattern("FAILED\\s+image\\s+answers its API \\(before\\): image is not healthy: list-images: GET \\S+ → HTTP 503");
      assertThat(run.out()).containsPattern("PASSED\\s+identity");
      lines.transferTo(java.io.Writer.nullWriter());
    } finally {
      if (!outage.waitFor(60, TimeUnit.SECONDS)) {
        outage.destroy();
      }
    }
  }

  @Test
  void refusesAnAdminToken() {
    CommandRun run = CommandRun.run(env(), dir, "validate", "health", "--cloud", "lab-admin", "--out", dir.resolve("a").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err()).contains("admin role");
  }
}
