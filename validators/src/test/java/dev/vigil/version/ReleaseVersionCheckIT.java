package dev.vigil.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import dev.vigil.discovery.VersionDocuments;
import dev.vigil.http.Http;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.settings.Settings;
import dev.vigil.testing.Lab;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's whole lifecycle against the running lab, both phases, as the non-admin user. */
class ReleaseVersionCheckIT {

  @TempDir Path dir;

  @Test
  void beforeAndAfterOnAnUnchangedLabAreZedAndNotOlder() {
    CloudConfig cloud = CloudConfigLoader.of(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), dir, dir, dir).load("lab");
    try (IdentitySession identity =
        IdentitySession.open(new KeystoneClient(cloud), Duration.ofSeconds(30), Duration.ofMinutes(5), m -> {})) {
      RunContext run = new RunContext("vigil-it", dir, cloud, identity, List.of(), Settings.defaults(), m -> {});
      HttpClient http = Http.client(cloud, Duration.ofSeconds(5));
      Release zed = Release.parse("zed");
      ReleaseVersionCheck check = new ReleaseVersionCheck(new VersionDocuments(http, Duration.ofSeconds(10)),
          new NeutronExtensions(http, Duration.ofSeconds(10)), Map.of(Phase.BEFORE, zed, Phase.AFTER, zed));
      check.prepare(run);
      check.start(Phase.BEFORE);
      check.start(Phase.AFTER);
      check.collect();
      List<Outcome> outcomes = check.evaluate();
      check.write(dir);
      check.cleanUp();

      assertThat(outcomes).noneMatch(Outcome::failed);
      assertThat(outcomes).filteredOn(o -> o.service() == null).extracting(Outcome::message)
          .containsExactly("zed as expected (all services' evidence combined)", "zed as expected (all services' evidence combined)");
      assertThat(outcomes).filteredOn(o -> o.test().equals("same or newer after"))
          .extracting(Outcome::service).contains("compute", "object-store", "network");
      assertThat(outcomes).filteredOn(o -> o.test().equals("same or newer after") && "compute".equals(o.service()))
          .extracting(Outcome::status).containsExactly(Outcome.Status.PASSED);
      // the non-admin user reads Neutron's extensions: evidence, not a marker
      assertThat(check.readings().get(Phase.BEFORE)).filteredOn(r -> r.service().equals("network"))
          .allMatch(r -> r.evidence().stream().anyMatch(e -> e.startsWith("GET /v2.0/extensions: ")));
      assertThat(dir.resolve(ReleaseVersionCheck.DETECTED_FILE)).isRegularFile();
    }
  }
}
