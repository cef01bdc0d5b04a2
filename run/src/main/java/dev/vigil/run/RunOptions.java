package dev.vigil.run;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.IdentitySession;
import dev.vigil.lifecycle.Check;
import dev.vigil.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything one {@link UpgradeRun} needs; usable from Java code as well as from the CLI.
 *
 * @param runId carried by everything the run creates in the cloud
 * @param runDir the run folder
 * @param cloud the cloud, already resolved
 * @param identity a non-admin token session (the caller closes it)
 * @param services the service types under test
 * @param settings thresholds and the rest
 * @param before the baseline's length (command driver)
 * @param after the after phase's length (command driver)
 * @param expectAfter the release every service must run after the upgrade, or null for "same or newer"
 * @param require the level every service must meet
 * @param driver what performs the upgrade
 * @param validators checks run before and after the window (release-version, system-health, persistent-resources)
 * @param observation starts the observers' window (called once, after the validators' before phase)
 * @param workingDir where a driver command runs
 * @param progress one-line progress messages
 * @param serviceLogs where the services' logs are read to say why an outage's requests failed
 *     ({@link dev.vigil.requestlogs.LogSource#NONE}: nowhere; the outages still count which never reached a service)
 */
public record RunOptions(
    String runId,
    Path runDir,
    CloudConfig cloud,
    IdentitySession identity,
    List<String> services,
    Settings settings,
    Duration before,
    Duration after,
    dev.vigil.version.Release expectAfter,
    Level require,
    Driver driver,
    List<Check> validators,
    Supplier<Observation> observation,
    Path workingDir,
    Consumer<String> progress,
    dev.vigil.requestlogs.LogSource serviceLogs) {

  public RunOptions {
    Objects.requireNonNull(serviceLogs, "serviceLogs");
    services = List.copyOf(services);
    validators = List.copyOf(validators);
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(require, "require");
  }
}
