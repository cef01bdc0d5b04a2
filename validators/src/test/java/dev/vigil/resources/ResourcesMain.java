package dev.vigil.resources;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.IdentitySession;
import dev.vigil.lifecycle.Phase;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code before} of the check in a JVM of its own, for the test that kills it with SIGKILL half-way
 * (the CLI jar cannot be used: the lead registers the command after this module is built).
 * Arguments: run id, run folder, and optionally the phase (before, after or cleanup; default before).
 */
public final class ResourcesMain {

  public static void main(String[] args) throws Exception {
    String runId = args[0];
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    CloudConfig cloud = LabCloud.cloud("lab");
    try (IdentitySession identity = LabCloud.session(cloud)) {
      PersistentResources check = new PersistentResources(ResourcePlan.defaults());
      check.prepare(LabCloud.context(runId, dir, cloud, identity, System.out::println));
      switch (args.length > 2 ? args[2] : "before") {
        case "after" -> check.start(Phase.AFTER);
        case "cleanup" -> check.cleanUp();
        default -> check.start(Phase.BEFORE);
      }
      check.write(dir);
      check.evaluate().forEach(o -> System.out.println(o.status() + " " + o.test() + ": " + o.message()));
    }
  }
}
