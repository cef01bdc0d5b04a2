package dev.vigil.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.host.HostAccess;
import dev.vigil.host.HostLog;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.settings.HostSettings;
import dev.vigil.settings.HostSettings.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installed versions read through real processes: fake dpkg-query scripts per host, and this machine's own Zed packages. */
class InstalledVersionsTest {

  @TempDir Path dir;

  /**
   * A template that runs each host's command with that host's folder first on PATH, so each "host"
   * has its own dpkg-query: {@code dir/<host>/dpkg-query} prints what that host has installed.
   */
  private InstalledVersions hosts(Map<String, List<String>> hosts, Map<String, String> dpkg) throws IOException {
    for (var e : dpkg.entrySet()) {
      Path bin = Files.createDirectories(dir.resolve(e.getKey()));
      // no rpm and no Python distribution on these hosts, whatever this machine has
      for (var tool : Map.of("dpkg-query", e.getValue(), "rpm", "exit 1", "python3", "exit 1").entrySet()) {
        Path p = bin.resolve(tool.getKey());
        Files.writeString(p, "#!/bin/sh\n" + tool.getValue() + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    HostAccess access = HostAccess.of(new HostSettings(Kind.TEMPLATE, "PATH=" + dir + "/{host}:$PATH {args}", hosts, null, "docker",
        "lxc-attach", Duration.ofSeconds(20)));
    return new InstalledVersions(access, HostLog.in(dir));
  }

  @Test
  void projectsMajorVersionsNameTheirRelease() {
    assertThat(ProjectReleases.of("nova", "2:26.2.2-1~deb12u5").orElseThrow().describe()).isEqualTo("zed");
    assertThat(ProjectReleases.of("nova", "2:31.0.0-6+deb13u3").orElseThrow().describe()).isEqualTo("2025.1");
    assertThat(ProjectReleases.of("nova", "33.0.2").orElseThrow().describe()).isEqualTo("2026.1");
    assertThat(ProjectReleases.of("nova", "25.1.0").orElseThrow().describe()).isEqualTo("older than zed");
    assertThat(ProjectReleases.of("keystone", "2:30.0.0-3").orElseThrow().describe()).isEqualTo("newer than 2026.1");
    assertThat(ProjectReleases.of("keystone", "2:22.0.2-0+deb12u6").orElseThrow().describe()).isEqualTo("zed");
    assertThat(ProjectReleases.of("glance", "2:30.0.0-3+deb13u5").orElseThrow().describe()).isEqualTo("2025.1");
    assertThat(ProjectReleases.of("cinder", "2:28.0.0-1").orElseThrow().describe()).isEqualTo("2026.1");
    assertThat(ProjectReleases.of("neutron", "2:26.0.3-0+deb13u3").orElseThrow().describe()).isEqualTo("2025.1");
    assertThat(ProjectReleases.of("placement", "13.0.0-1").orElseThrow().describe()).isEqualTo("2025.1");
    assertThat(ProjectReleases.of("placement", "27.0.0.0rc1").orElseThrow().describe()).isEqualTo("newer than 2026.1");
    assertThat(ProjectReleases.of("swift", "2.30.1-0+deb12u3").orElseThrow().describe()).isEqualTo("zed");
    assertThat(ProjectReleases.of("swift", "2.38.2-3").orElseThrow().describe()).isEqualTo("newer than 2026.1");
    assertThat(ProjectReleases.of("swift", "3.0.0")).isEmpty();
    assertThat(ProjectReleases.of("ironic", "26.1.0")).isEmpty();
    assertThat(ProjectReleases.series("swift", "2.38.2-3")).isEqualTo("swift 2.38");
  }

  @Test
  void thisMachinesZedPackagesNameZedWhereTheApiCannot() {
    HostAccess local = HostAccess.of(new HostSettings(Kind.LOCAL, null, Map.of(), null, "docker", "lxc-attach", Duration.ofSeconds(30)));
    ReleaseReading identity = new InstalledVersions(local, HostLog.in(dir)).read("identity");
    assertThat(identity.readable()).as(identity.basis()).isTrue();
    assertThat(identity.candidates().describe()).isEqualTo("zed");
    assertThat(identity.basis()).startsWith("installed localhost python3-keystone 2:22.").endsWith("(dpkg; keystone 22: zed)");
    assertThat(identity.installed()).isTrue();
    assertThat(dir.resolve(HostLog.FILE)).content().contains("identity on localhost: sh -c ", "  | dpkg python3-keystone 2:22.");
  }

  @Test
  void glanceLeftOn2025_1FailsAnExpected2026_1WithItsInstalledVersionWhereItsApiCannotTell() throws IOException {
    InstalledVersions installed = hosts(Map.of("image", List.of("image-1")), Map.of("image-1", "printf 'ii 2:30.0.0-3+deb13u5'"));
    ReleaseReading api = new ReleaseReading("image", "2.17", new Candidates(List.of(Release.parse("2024.2"), Release.parse("2025.1"),
        Release.parse("2025.2"), Release.parse("2026.1")), false, true), "CURRENT image API 2.17", List.of("GET http://127.0.0.2:9292/"), null);
    // the API alone: 2.17 allows 2026.1, so it can only be inconclusive
    assertThat(ReleaseJudge.judge(Phase.AFTER, List.of(api), Release.parse("2026.1")).get(0).status()).isEqualTo(Outcome.Status.SKIPPED);
    ReleaseReading reading = ReleaseVersionCheck.prefer(installed.read("image"), api);
    Outcome image = ReleaseJudge.judge(Phase.AFTER, List.of(reading), Release.parse("2026.1")).get(0);
    assertThat(image.status()).isEqualTo(Outcome.Status.FAILED);
    assertThat(image.message()).isEqualTo("image: expected 2026.1, detected 2025.1 (installed image-1 python3-glance 2:30.0.0-3+deb13u5"
        + " (dpkg; glance 30: 2025.1))");
    assertThat(image.evidence()).anyMatch(l -> l.startsWith("version document: one of 2024.2 … 2026.1"));
  }

  @Test
  void hostsHalfwayThroughAreAmbiguousAndAHostNotReadIsNoAnswer() throws IOException {
    InstalledVersions installed = hosts(Map.of("compute", List.of("compute-1", "compute-2"), "identity", List.of("identity-1", "identity-2")),
        Map.of("compute-1", "printf 'ii 2:31.0.0-6+deb13u3'", "compute-2", "printf 'ii 2:33.0.2-1'",
            "identity-1", "printf 'ii 2:27.0.0-3'", "identity-2", "exit 1"));
    ReleaseReading compute = installed.read("compute");
    assertThat(compute.candidates().describe()).isEqualTo("one of 2025.1, 2026.1");
    assertThat(compute.value()).isEqualTo("2:31.0.0-6+deb13u3, 2:33.0.2-1");
    ReleaseReading identity = installed.read("identity");
    assertThat(identity.readable()).isFalse();
    assertThat(identity.error()).startsWith("identity-2: neither the package python3-keystone nor the Python distribution keystone is installed");
    ReleaseReading api = ReleaseReading.unreadable("identity", "connection refused", List.of());
    assertThat(ReleaseVersionCheck.prefer(identity, api).basis())
        .isEqualTo("version document unreadable: connection refused; installed version unreadable: " + identity.error());
  }

  @Test
  void aRunThatChangedNoInstalledVersionSaysSo() throws IOException {
    InstalledVersions installed = hosts(Map.of("compute", List.of("c1"), "image", List.of("g1")),
        Map.of("c1", "printf 'ii 2:31.0.0-6'", "g1", "printf 'ii 2:30.0.0-3'"));
    List<ReleaseReading> before = List.of(installed.read("compute"), installed.read("image"));
    assertThat(ReleaseVersionCheck.nothingChanged(before, before)).contains("no service's installed version changed: the driver's run"
        + " upgraded nothing (compute 2:31.0.0-6, image 2:30.0.0-3 before and after)");
    InstalledVersions upgraded = hosts(Map.of("compute", List.of("c2"), "image", List.of("g1")), Map.of("c2", "printf 'ii 2:33.0.2-1'"));
    assertThat(ReleaseVersionCheck.nothingChanged(before, List.of(upgraded.read("compute"), upgraded.read("image")))).isEmpty();
  }
}
