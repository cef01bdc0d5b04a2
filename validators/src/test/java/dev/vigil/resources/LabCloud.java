package dev.vigil.resources;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.settings.Settings;
import dev.vigil.testing.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The lab cloud lab/up started, as the tests of this module reach it. */
public final class LabCloud {

  private LabCloud() {}

  public static Path repository() {
    return Lab.repository();
  }

  /** {@code lab} (the non-admin demo user) or {@code lab-admin}. */
  public static CloudConfig cloud(String name) {
    return Lab.cloud(name);
  }

  public static IdentitySession session(CloudConfig cloud) {
    return IdentitySession.open(new KeystoneClient(cloud), Duration.ofSeconds(60), Duration.ofMinutes(5), System.err::println);
  }

  public static RunContext context(String runId, Path dir, CloudConfig cloud, IdentitySession identity, Consumer<String> progress) {
    return new RunContext(runId, dir, cloud, identity, List.of(), Settings.defaults(), progress);
  }

  public static Api api(CloudConfig cloud, IdentitySession identity) {
    return Api.open(cloud, identity::token, Duration.ofSeconds(120), System.err::println);
  }

  /**
   * Runs a lab script to its end and returns its output; when another lab/upgrade holds the lab's
   * lock (other tests share the lab), waits and tries again for up to 10 minutes.
   */
  public static String script(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(repository().resolve("lab").resolve(args[0]).toString());
    cmd.addAll(List.of(args).subList(1, args.length));
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (true) {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = p.waitFor();
      if (code == 0) {
        return output;
      }
      if (!output.contains("another lab/upgrade is running") || System.nanoTime() > deadline) {
        throw new IllegalStateException(String.join(" ", args) + " exited " + code + ":\n" + output);
      }
      Thread.sleep(3000);
    }
  }
}
