package dev.vigil.cli;

import dev.vigil.run.Environment;
import dev.vigil.run.Stop;
import dev.vigil.VigilException;
import dev.vigil.run.CommandDriver;
import dev.vigil.run.Driver;
import dev.vigil.run.Executable;
import dev.vigil.run.ExternalDriver;
import dev.vigil.run.KollaAnsibleUpgrade;
import dev.vigil.run.OpenstackAnsibleUpgrade;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code vigil run}'s deployment control (requirement 11): which driver performs the upgrade, and its options. */
final class DriverOptions {

  /** The driver's steps together get this long unless --driver-timeout says otherwise. */
  static final String DEFAULT_TIMEOUT = "1h";

  static final String COMMAND = "command";
  static final String OSA = "openstack-ansible";
  static final String KOLLA = "kolla-ansible";
  static final String EXTERNAL = "external";

  @Option(names = "--driver", required = true, paramLabel = "command|openstack-ansible|kolla-ansible|external",
      description = "command: --upgrade-cmd performs the upgrade; openstack-ansible, kolla-ansible: their upgrade playbooks (see --osa-*, --kolla-*); "
          + "external: you do, and mark the phases with 'vigil mark DIR during|after|done'.")
  String driver;

  @Option(names = "--upgrade-cmd", paramLabel = "CMD", description = "The upgrade, as one shell command (bash -c), e.g. 'lab/upgrade rolling identity'.")
  String upgradeCmd;

  @Option(names = "--driver-timeout", paramLabel = "D", description = "Stop the upgrade's steps after this long in all; the upgrade then counts as failed (default: " + DEFAULT_TIMEOUT + ").")
  String timeout;

  @Option(names = "--dry-run", description = "Check what a real run checks before it contacts the cloud (options, settings, the cloud's configuration, --out),"
      + " print the command lines the driver would run, one per line, and exit: nothing is contacted.")
  boolean dryRun;

  @Option(names = "--osa-dir", paramLabel = "DIR", description = "openstack-ansible: the clone, at the release to upgrade to (default: /opt/openstack-ansible).")
  Path osaDir;

  @Option(names = "--osa-services", split = ",", paramLabel = "NAME",
      description = "openstack-ansible: run only these services' os-NAME-install.yml, in order (default: the whole upgrade).")
  List<String> osaServices;

  @Option(names = "--osa-bin", paramLabel = "FILE", description = "openstack-ansible: the executable (default: openstack-ansible on PATH).")
  String osaBin;

  @Option(names = "--osa-from", paramLabel = "SERIES",
      description = "openstack-ansible: the series the deployment runs now, when the clone's run-upgrade.sh has other steps per source (2023.1: yoga or zed).")
  String osaFrom;

  @Option(names = "--kolla-inventory", paramLabel = "FILE", description = "kolla-ansible: the deployment's inventory (required).")
  Path kollaInventory;

  @Option(names = "--kolla-services", split = ",", paramLabel = "NAME", description = "kolla-ansible: upgrade only these services (--tags; default: all).")
  List<String> kollaServices;

  @Option(names = "--kolla-bin", paramLabel = "FILE", description = "kolla-ansible: the executable (default: kolla-ansible on PATH).")
  String kollaBin;

  @Option(names = "--kolla-serial", paramLabel = "N",
      description = "kolla-ansible: upgrade N hosts at a time (ANSIBLE_SERIAL, read by the bash CLI of 2024.1 and earlier; the Python CLI cannot).")
  Integer kollaSerial;

  @Option(names = "--limit", paramLabel = "HOSTS", description = "kolla-ansible, and openstack-ansible with --osa-services: only these hosts or groups (Ansible's --limit).")
  String limit;

  @Option(names = "--extra-args", paramLabel = "ARGS", description = "openstack-ansible, kolla-ansible: appended to every call, e.g. '-e @/etc/vigil-vars.yml -v'.")
  String extraArgs;

  /** The driver the options describe, checked before anything touches the cloud: bad input is one line. */
  Driver driver(Environment env) {
    String name = driver == null ? "" : driver.strip().toLowerCase(Locale.ROOT);
    if (!List.of(COMMAND, OSA, KOLLA, EXTERNAL).contains(name)) {
      throw new VigilException("unknown driver \"" + driver + "\": use --driver command (with --upgrade-cmd), openstack-ansible, kolla-ansible or external");
    }
    refuseOthers(name);
    if (limit != null && limit.isBlank()) {
      throw new VigilException("--limit needs hosts or groups, e.g. --limit controller1 or --limit 'compute:!compute3'");
    }
    Path cwd = env.workingDir();
    String path = env.variables().get("PATH");
    return switch (name) {
      case COMMAND -> new CommandDriver(upgradeCmd, timeout());
      case OSA -> {
        Path dir = cwd.resolve(osaDir == null ? OpenstackAnsibleUpgrade.DEFAULT_DIR : osaDir).normalize();
        String bin = Executable.check(osaBin, OSA, "--osa-bin", path, cwd, "scripts/bootstrap-ansible.sh installs it in /usr/local/bin");
        yield new CommandDriver(OSA, new OpenstackAnsibleUpgrade(dir, osaServices, limit, extraArgs, bin, osaFrom).steps(), timeout());
      }
      case KOLLA -> {
        Path inventory = kollaInventory == null ? null : cwd.resolve(kollaInventory).normalize();
        String bin = Executable.check(kollaBin, KOLLA, "--kolla-bin", path, cwd, "activate the virtualenv kolla-ansible is installed in");
        yield new CommandDriver(KOLLA, new KollaAnsibleUpgrade(inventory, kollaServices, limit, extraArgs, bin, kollaSerial).steps(), timeout());
      }
      default -> {
        if (dryRun) {
          throw new VigilException("--dry-run shows the commands a driver runs, and --driver external runs none (you drive): drop --dry-run");
        }
        yield new ExternalDriver();
      }
    };
  }

  /** The whole sequence's time limit: for the driver, and to size the window. */
  Duration timeout() {
    return RunCommand.duration("--driver-timeout", timeout == null ? DEFAULT_TIMEOUT : timeout);
  }


  /** An option of another driver is a mistake worth a word rather than silence (the run would do something else than asked). */
  private void refuseOthers(String name) {
    if (name.equals(EXTERNAL) && upgradeCmd != null) {
      throw ExternalDriver.notWith("--upgrade-cmd");
    }
    if (name.equals(EXTERNAL) && timeout != null) {
      throw ExternalDriver.notWith("--driver-timeout");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("--upgrade-cmd", upgradeCmd);
    values.put("--osa-dir", osaDir);
    values.put("--osa-services", osaServices);
    values.put("--osa-bin", osaBin);
    values.put("--osa-from", osaFrom);
    values.put("--kolla-inventory", kollaInventory);
    values.put("--kolla-services", kollaServices);
    values.put("--kolla-bin", kollaBin);
    values.put("--kolla-serial", kollaSerial);
    values.put("--limit", limit);
    values.put("--extra-args", extraArgs);
    for (Map.Entry<String, Object> o : values.entrySet()) {
      List<String> drivers = o.getKey().startsWith("--osa-") ? List.of(OSA)
          : o.getKey().startsWith("--kolla-") ? List.of(KOLLA)
          : o.getKey().equals("--upgrade-cmd") ? List.of(COMMAND)
          : List.of(OSA, KOLLA);
      if (o.getValue() != null && !drivers.contains(name)) {
        throw new VigilException(o.getKey() + " goes with --driver " + String.join(" or ", drivers) + ", not --driver " + name + ": drop it"
            + (drivers.size() == 1 ? ", or use --driver " + drivers.get(0) : ""));
      }
    }
  }
}
