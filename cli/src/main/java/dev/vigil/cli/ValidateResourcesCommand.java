package dev.vigil.cli;

import dev.vigil.simulations.RunFolder;
import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.IdentitySession;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.OutcomeFiles;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.resources.Ledger;
import dev.vigil.resources.PersistentResources;
import dev.vigil.resources.ResourcePlan;
import dev.vigil.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "resources",
    mixinStandardHelpOptions = true,
    description = {
      "Persistent resources: --phase before creates a network, subnet, port, server, attached volume, image and",
      "Swift objects named with the run id and records them in DIR/persistent-resources.json; --phase after checks",
      "they still exist, in the same state, with the same bytes; --phase cleanup removes them."
    })
final class ValidateResourcesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CloudOption cloudOption;

  @Mixin SettingsOption settingsOption;

  @Option(names = "--phase", required = true, paramLabel = "PHASE", description = "before, after or cleanup.")
  PhaseName phase;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run folder: where before records the resources, and after and cleanup read them (before: default <output.dir>/<run id>).")
  Path out;

  @Option(names = "--flavor", paramLabel = "NAME", description = "Flavor of the server (default: ${DEFAULT-VALUE}).", defaultValue = "m1.nano")
  String flavor;

  @Option(names = "--image", paramLabel = "NAME", description = "Image the server boots from (default: ${DEFAULT-VALUE}).", defaultValue = "tiny")
  String image;

  @Option(names = "--volume-size", paramLabel = "GB", description = "Size of the volume (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  int volumeGb;

  enum PhaseName {
    before,
    after,
    cleanup
  }

  @Override
  public Integer call() {
    Vigil vigil = (Vigil) spec.root().userObject();
    Terminal terminal = vigil.terminal();
    Settings settings = settingsOption.load(vigil.environment(), Map.of());
    CloudConfig cloud = cloudOption.resolve(vigil.environment(), terminal, settings.cloud());
    String runId;
    Path dir;
    if (phase == PhaseName.before) {
      RunFolder folder = RunFolder.create(settings.output().dir(), out == null ? null : vigil.environment().workingDir().resolve(out));
      runId = folder.runId();
      dir = folder.dir();
    } else {
      if (out == null) {
        throw new VigilException("--phase " + phase + " needs --out DIR: the run folder --phase before wrote persistent-resources.json into");
      }
      dir = vigil.environment().workingDir().resolve(out).toAbsolutePath();
      runId = Ledger.read(dir).runId();
    }
    ResourcePlan plan = ResourcePlan.defaults().withFlavor(flavor).withImage(image).withVolumeGb(volumeGb);
    PersistentResources check = new PersistentResources(plan);
    try (IdentitySession identity =
        IdentitySession.open(new KeystoneClient(cloud), Duration.ofSeconds(30), settings.token().refreshMargin(), terminal::warn)) {
      RunContext run = new RunContext(runId, dir, cloud, identity, List.of(), settings, terminal::info);
      check.prepare(run);
      terminal.info("vigil: persistent resources, phase " + phase + ", run " + runId + ", cloud " + cloud.name() + ", folder " + dir);
      switch (phase) {
        case before -> check.start(Phase.BEFORE);
        case after -> check.start(Phase.AFTER);
        case cleanup -> check.cleanUp();
      }
      List<Outcome> outcomes = check.evaluate();
      check.write(dir);
      OutcomeFiles.writeJUnit(dir.resolve("junit-" + PersistentResources.NAME + "-" + phase + ".xml"), outcomes);
      return report(terminal, outcomes, dir);
    }
  }

  private int report(Terminal terminal, List<Outcome> outcomes, Path dir) {
    for (Outcome o : outcomes) {
      terminal.out().println((o.failed() ? "FAIL  " : o.status() == Outcome.Status.SKIPPED ? "SKIP  " : "ok    ") + o.test() + ": " + o.message());
    }
    long failed = outcomes.stream().filter(Outcome::failed).count();
    terminal.out().println(phase + ": " + (failed == 0 ? "passed" : failed + " of " + outcomes.size() + " failed") + " ("
        + dir.resolve(Ledger.FILE) + ")");
    terminal.out().flush();
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }
}
