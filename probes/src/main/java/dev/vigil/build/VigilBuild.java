package dev.vigil.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * Which Vigil made a result: its version and git commit, the Gatling it bundles, and the Java that
 * ran it. Printed by {@code vigil --version} and written into {@code run.json} and {@code plan.json},
 * so a result names the tool that made it.
 *
 * @param version the Maven version, e.g. {@code 0.1.0}
 * @param commit the abbreviated git commit it was built from (uncommitted changes are not
 *     shown); {@code unknown} when it was built outside a git checkout
 * @param gatling the version of the bundled Gatling
 * @param java the version of the Java runtime running it
 */
public record VigilBuild(String version, String commit, String gatling, String java) {

  static final String RESOURCE = "vigil-build.properties";

  /** This Vigil, as built, running on this JVM. */
  public static VigilBuild current() {
    Properties p = new Properties();
    try (InputStream in = VigilBuild.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a jar that cannot be read would not have started; keep the unknowns rather than fail a run over its label
    }
    return of(p, Runtime.version().toString());
  }

  /** From the build's properties; a value Maven did not fill in (an IDE build) reads as unknown. */
  static VigilBuild of(Properties p, String java) {
    return new VigilBuild(known(p.getProperty("version")), known(p.getProperty("commit")), known(p.getProperty("gatling")), java);
  }

  private static String known(String value) {
    return value == null || value.isBlank() || value.contains("${") ? "unknown" : value.trim();
  }

  /** One line, for a report's header: {@code vigil 0.1.0 (commit 1a2b3c4), Gatling 3.15.1, Java 17.0.15+6}. */
  public String line() {
    return "vigil " + version + " (commit " + commit + "), Gatling " + gatling + ", Java " + java;
  }

  /** What {@code vigil --version} prints. */
  public List<String> lines() {
    return List.of("vigil " + version, "commit " + commit, "Gatling " + gatling, "Java " + java);
  }
}
