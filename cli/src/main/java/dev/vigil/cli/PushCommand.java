package dev.vigil.cli;

import dev.vigil.run.Terminal;
import dev.vigil.VigilException;
import dev.vigil.influx.InfluxSink;
import dev.vigil.influx.InfluxTarget;
import dev.vigil.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    header = "Send a run folder's records, flows and events to InfluxDB.",
    description = {
      "Send a run folder's records, flows and events to InfluxDB: what the live sink could not send",
      "(influx.cursor in the folder says what was sent), or everything with --all. Pushing twice",
      "writes the same points, not twice as many. See docs/influxdb.md."
    })
final class PushCommand implements Callable<Integer> {

  /** How long InfluxDB may fail before push gives up (what it took is kept in influx.cursor). */
  static final Duration PATIENCE = Duration.ofSeconds(15);

  @ParentCommand Vigil vigil;

  @Mixin SettingsOption settingsOption;

  @Mixin InfluxOption influx;

  @Parameters(paramLabel = "DIR", description = "The run folder (what --out named).")
  Path dir;

  @Option(names = "--all", description = "Send every record again, whatever influx.cursor says (idempotent).")
  boolean all;

  @Override
  public Integer call() {
    Terminal terminal = vigil.terminal();
    Map<String, String> overrides = new HashMap<>();
    influx.addOverrides(overrides);
    Settings settings = settingsOption.load(vigil.environment(), overrides);
    Path folder = vigil.environment().workingDir().resolve(dir).normalize();
    if (!Files.isDirectory(folder)) {
      throw new VigilException(folder + " is not a folder: pass a Vigil run folder (what --out named)");
    }
    InfluxSink.Run run = InfluxOption.runOf(folder, settings);
    InfluxTarget target = influx.target(settings, vigil.environment());
    if (target == null) {
      throw new VigilException("no InfluxDB to push to: add --influx-url URL --influx-db NAME (or influx.url in vigil.yaml)");
    }
    long t0 = System.nanoTime();
    InfluxSink.Summary s = InfluxSink.push(folder, run, target, all, PATIENCE, terminal::info);
    terminal.info(String.format(Locale.ROOT, "influx: run %s: %d points written to %s (injector %s) in %.1f s%s, %d pending",
        run.runId(), s.written(), target.describe(), run.injector(), (System.nanoTime() - t0) / 1e9,
        s.refused() > 0 ? ", " + s.refused() + " refused" : "", s.pending()));
    if (s.written() == 0 && s.pending() == 0 && s.refused() == 0 && !all) {
      terminal.info("influx: nothing new: influx.cursor says this target has every record (--all sends them again)");
    }
    return ExitCode.OK;
  }
}
