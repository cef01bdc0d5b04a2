package dev.vigil.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class VigilBuildTest {

  @Test
  void theBuiltResourceNamesThisBuild() {
    VigilBuild build = VigilBuild.current();
    // Maven filtered the resource: no placeholder is left, and the versions are the pom's
    assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(build.gatling()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(build.commit()).matches("[0-9a-f]{7,40}|unknown");
    assertThat(build.java()).isEqualTo(Runtime.version().toString());
  }

  @Test
  void versionLinesNameEachPart() {
    Properties p = properties("0.2.0", "1a2b3c4", "3.15.1");
    assertThat(VigilBuild.of(p, "17.0.15+6").lines()).containsExactly("vigil 0.2.0", "commit 1a2b3c4", "Gatling 3.15.1", "Java 17.0.15+6");
  }

  @Test
  void placeholdersMavenDidNotFillReadAsUnknown() {
    Properties p = properties("${project.version}", "${buildNumber}", "");
    assertThat(VigilBuild.of(p, "17").line()).isEqualTo("vigil unknown (commit unknown), Gatling unknown, Java 17");
  }

  private static Properties properties(String version, String commit, String gatling) {
    Properties p = new Properties();
    p.setProperty("version", version);
    p.setProperty("commit", commit);
    p.setProperty("gatling", gatling);
    return p;
  }
}
