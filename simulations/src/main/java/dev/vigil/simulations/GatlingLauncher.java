package dev.vigil.simulations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a window's simulation in a child JVM, as gatling-maven-plugin does: Gatling 3.15 cannot be
 * embedded (its entry point exits the JVM). The child runs in its own session (setsid), so a Ctrl-C
 * meant for the CLI does not kill it before it has written its report; the CLI ends the window
 * through the stop file instead.
 */
public final class GatlingLauncher {

  /** JVM options Gatling needs on JDK 17 (its log writer reaches into java.lang). */
  static final List<String> GATLING_JVM_OPTIONS =
      List.of(
          "-Xmx1G",
          "-XX:MaxInlineLevel=20",
          "-XX:MaxTrivialSize=12",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

  private GatlingLauncher() {}

  /**
   * The command line of the child JVM.
   *
   * @param tlsOptions -Dgatling.ssl.* and similar options chosen by the caller
   */
  public static List<String> command(Path planFile, Path resultsFolder, String runId, String simulationClass, List<String> tlsOptions) {
    List<String> cmd = new ArrayList<>();
    if (Path.of("/usr/bin/setsid").toFile().canExecute()) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(GATLING_JVM_OPTIONS);
    cmd.addAll(tlsOptions);
    cmd.add("-Dvigil.plan=" + planFile.toAbsolutePath());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.gatling.app.Gatling");
    cmd.add("--simulation");
    cmd.add(simulationClass);
    cmd.add("--results-folder");
    cmd.add(resultsFolder.toAbsolutePath().toString());
    cmd.add("--run-description");
    cmd.add(runId);
    return cmd;
  }

  /**
   * Starts the child; its stdout (Gatling's console) goes to {@code consoleLog}; its stderr (Vigil's
   * live lines, and anything the JVM says there) is a pipe the caller must drain.
   */
  public static Process start(List<String> command, Path consoleLog) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
    pb.redirectError(ProcessBuilder.Redirect.PIPE);
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    return pb.start();
  }
}
