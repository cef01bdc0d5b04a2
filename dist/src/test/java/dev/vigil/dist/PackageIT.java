package dev.vigil.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Debian package as an operator installs it (issue 17): lintian finds no error in it; installed
 * with {@code apt-get install ./vigil_*.deb}, {@code vigil} runs from a folder outside the checkout,
 * watches the lab cloud and writes its result; then the package is removed again, whatever happened.
 * Needs root and the lab cloud (bin/test provides both).
 */
class PackageIT {

  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();
  private static final String VERSION = System.getProperty("vigil.version");

  @Test
  void lintianFindsNoErrorInThePackage() throws Exception {
    if (Shell.run(TARGET, Map.of(), 10, "sh", "-c", "command -v lintian").exitCode() != 0) {
      fail("lintian is missing: bin/prerequisites installs it (apt-get install lintian)");
    }
    Shell.Result lintian = Shell.run(TARGET, Map.of(), 600, "lintian", deb().toString());
    List<String> errors = lintian.output().lines().filter(l -> l.startsWith("E:")).toList();
    assertThat(errors).as(lintian.output()).isEmpty();
    assertThat(lintian.exitCode()).as(lintian.output()).isZero();
  }

  @Test
  void installedVigilWatchesTheLabFromAFolderOutsideTheCheckout() throws Exception {
    assertThat(Shell.run(TARGET, Map.of(), 10, "id", "-u").output().strip()).as("PackageIT installs a package: run it as root (bin/test does)").isEqualTo("0");
    Path clouds = CHECKOUT.resolve("lab").resolve("clouds.yaml");
    assertThat(clouds).as("start the lab cloud first (lab/up; bin/test does)").isRegularFile();
    assertThat(installed()).as("the package vigil is already installed, and PackageIT would remove it: apt-get remove vigil first").isFalse();

    Path folder = Files.createTempDirectory("vigil-package-it");
    assertThat(folder.startsWith(CHECKOUT)).as(folder + " is outside " + CHECKOUT).isFalse();
    try {
      Shell.Result install = apt("install", "-y", deb().toString());
      assertThat(install.exitCode()).as(install.output()).isZero();
      assertThat(installed()).isTrue();
      assertThat(Path.of("/usr/share/man/man1/vigil.1.gz")).isRegularFile();
      assertThat(Path.of("/usr/share/vigil/grafana/dashboards/vigil-upgrade-window.json")).isRegularFile();

      Shell.Result version = Shell.run(folder, Map.of(), 60, "/usr/bin/vigil", "--version");
      assertThat(version.exitCode()).as(version.output()).isZero();
      assertThat(version.output().lines().toList()).hasSize(4).first().isEqualTo("vigil " + VERSION);
      assertThat(version.output()).containsPattern("(?m)^commit [0-9a-f]{7,}$").containsPattern("(?m)^Gatling \\d+\\.\\d+\\.\\d+$")
          .containsPattern("(?m)^Java (1[7-9]|[2-9][0-9])");

      // the Gatling child JVM only produces records when the installed jar gave it the right class path
      Shell.Result watch = Shell.run(folder, Map.of("OS_CLIENT_CONFIG_FILE", clouds.toString()), 300,
          "/usr/bin/vigil", "watch", "--cloud", "lab", "--services", "identity", "--duration", "10s", "--out", "out");
      assertThat(watch.exitCode()).as(watch.output()).isZero();
      JsonNode identity = new ObjectMapper().readTree(folder.resolve("out/result.json").toFile()).path("services").path("identity");
      assertThat(identity.path("requests").asLong()).as(watch.output()).isGreaterThan(50);
      JsonNode plan = new ObjectMapper().readTree(folder.resolve("out/plan.json").toFile());
      assertThat(plan.path("vigil").path("version").asText()).isEqualTo(VERSION);
      assertThat(Files.readString(folder.resolve("out/report.html"))).contains("made by vigil " + VERSION);
      try (Stream<Path> left = Files.list(folder)) {
        assertThat(left.map(p -> p.getFileName().toString())).as("what vigil wrote outside --out").containsExactly("out");
      }
    } finally {
      Shell.Result remove = apt("remove", "--purge", "-y", "vigil");
      assertThat(installed()).as(remove.output()).isFalse();
      Shell.run(TARGET, Map.of(), 60, "rm", "-rf", folder.toString());
    }
  }

  @Test
  void theReleaseTarballRunsWhereverItIsUnpacked() throws Exception {
    Path tarball = TARGET.resolve("vigil-" + VERSION + ".tar.gz");
    assertThat(tarball).as("the tarball mvn package builds").isRegularFile();
    Path folder = Files.createTempDirectory("vigil-tarball-it");
    try {
      Shell.Result untar = Shell.run(folder, Map.of(), 60, "tar", "xzf", tarball.toString());
      assertThat(untar.exitCode()).as(untar.output()).isZero();
      Path home = folder.resolve("vigil-" + VERSION);
      assertThat(home.resolve("bin/vigil")).isExecutable();
      assertThat(home.resolve("share/vigil/grafana/dashboards/vigil-upgrade-window.json")).isRegularFile();
      assertThat(home.resolve("share/doc/vigil/docs/run.md")).isRegularFile();
      assertThat(home.resolve("share/man/man1/vigil.1.gz")).isRegularFile();
      assertThat(Files.readString(home.resolve("share/doc/vigil/THIRD-PARTY.txt"))).contains("io.gatling:gatling-core").contains("openstack4j");
      // through a symbolic link elsewhere, as an operator puts it on the PATH
      Path link = Files.createSymbolicLink(folder.resolve("vigil"), home.resolve("bin/vigil"));
      Shell.Result version = Shell.run(folder, Map.of(), 60, link.toString(), "--version");
      assertThat(version.exitCode()).as(version.output()).isZero();
      assertThat(version.output().lines().findFirst()).contains("vigil " + VERSION);

      // a JAVA_HOME older than 17 is one line naming the fix, not a class-version stack trace
      Path oldJava = folder.resolve("java11/bin/java");
      Files.createDirectories(oldJava.getParent());
      Files.writeString(oldJava, "#!/bin/sh\necho 'openjdk version \"11.0.20\" 2023-07-18' >&2\n");
      oldJava.toFile().setExecutable(true);
      Shell.Result old = Shell.run(folder, Map.of("JAVA_HOME", folder.resolve("java11").toString()), 60, link.toString(), "--version");
      assertThat(old.exitCode()).isEqualTo(2);
      assertThat(old.output().strip().lines()).singleElement().asString().startsWith("vigil: needs Java 17 or newer").contains("JAVA_HOME");
    } finally {
      Shell.run(TARGET, Map.of(), 60, "rm", "-rf", folder.toString());
    }
  }

  /** The package the build made; Debian's version has a ~ where Maven's has a -. */
  private static Path deb() {
    Path deb = TARGET.resolve("vigil_" + VERSION.replace('-', '~') + "_all.deb");
    assertThat(deb).as("the package mvn package builds").isRegularFile();
    return deb;
  }

  private static boolean installed() throws Exception {
    Shell.Result status = Shell.run(TARGET, Map.of(), 30, "dpkg-query", "-W", "-f=${Status}", "vigil");
    return status.exitCode() == 0 && status.output().contains("install ok installed");
  }

  /** apt-get, waiting for another apt-get on this machine (the lab's, a colleague's) to finish. */
  private static Shell.Result apt(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "-q"));
    cmd.addAll(List.of(args));
    return Shell.run(TARGET, Map.of("DEBIAN_FRONTEND", "noninteractive"), 900, cmd.toArray(String[]::new));
  }
}
