package dev.vigil.run;

import dev.vigil.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --driver kolla-ansible}: Kolla-Ansible's upgrade, as its "Operating Kolla" guide gives it:
 * {@code pull} (the new images onto the hosts), {@code prechecks} (what would make the upgrade
 * fail), then {@code upgrade}. The action comes first: the
 * Python CLI of 2024.2 (Kolla-Ansible 19) requires that order, and the bash CLI of the releases
 * before accepts it too (its getopt moves the options in front).
 *
 * @param inventory the deployment's inventory (a file, or a folder of them)
 * @param services Kolla's service tags to limit the upgrade to ({@code --tags}); empty for all
 * @param limit {@code --limit} hosts; null for all
 * @param extraArgs appended to both calls; null for none
 * @param executable the {@code kolla-ansible} to run, as checked by {@link Executable}
 * @param serial hosts upgraded at a time ({@code kolla_serial}); null for all at once, Kolla's default
 */
public record KollaAnsibleUpgrade(Path inventory, List<String> services, String limit, String extraArgs, String executable, Integer serial) {

  public KollaAnsibleUpgrade {
    services = services == null ? List.of() : List.copyOf(services);
  }

  public KollaAnsibleUpgrade(Path inventory, List<String> services, String limit, String extraArgs, String executable) {
    this(inventory, services, limit, extraArgs, executable, null);
  }

  /** The steps, once the inventory is known to be there. */
  public UpgradeSteps steps() {
    if (inventory == null) {
      throw new VigilException("--driver kolla-ansible needs --kolla-inventory FILE: the inventory your deployment was deployed with (e.g. ~/multinode)");
    }
    if (!Files.exists(inventory)) {
      throw new VigilException("--kolla-inventory " + inventory + ": no such file: give the inventory your deployment was deployed with (e.g. ~/multinode)");
    }
    for (String service : services) {
      if (!service.matches("[a-z0-9_-]+")) {
        throw new VigilException("--kolla-services " + service + ": not a Kolla service tag: name services as Kolla's roles do (keystone, glance, nova, ...)");
      }
    }
    if (!services.isEmpty()) {
      checkTags();
    }
    StringBuilder options = new StringBuilder(" -i " + Shell.quote(inventory.toString()));
    if (!services.isEmpty()) {
      options.append(" --tags ").append(String.join(",", services));
    }
    if (limit != null) {
      options.append(" --limit ").append(Shell.quote(limit));
    }
    options.append(UpgradeSteps.extraArgs(extraArgs));
    String kolla = Shell.quote(executable);
    List<String> commands = new ArrayList<>();
    commands.add(kolla + " pull" + options);
    commands.add(kolla + " prechecks" + options);
    commands.add(kolla + " upgrade" + options);
    return new UpgradeSteps(commands, null, List.of(), serial == null ? java.util.Map.of() : java.util.Map.of("ANSIBLE_SERIAL", serialOfBashCli()));
  }

  /**
   * A rolling (serial) upgrade, where the CLI lets one be asked for: the bash CLI (up to 2024.1)
   * reads {@code ANSIBLE_SERIAL} into {@code -e kolla_serial}; the Python CLI (19.0.0, 2024.2, on)
   * appends {@code -e kolla_serial=0} after the user's own {@code -e} (kolla_ansible/cli/commands.py),
   * so nothing given to it can make the upgrade serial.
   */
  private String serialOfBashCli() {
    if (serial < 1) {
      throw new VigilException("--kolla-serial " + serial + ": give how many hosts to upgrade at a time, 1 or more");
    }
    String first;
    try (var lines = Files.lines(resolved())) {
      first = lines.findFirst().orElse("");
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      throw new VigilException("--kolla-serial: cannot read " + resolved() + " to tell which kolla-ansible CLI it is (" + e.getMessage() + ")");
    }
    if (!first.startsWith("#!") || !first.contains("bash")) {
      throw new VigilException("--kolla-serial: the kolla-ansible at " + resolved() + " is the Python CLI (Kolla-Ansible 19, 2024.2, and later),"
          + " which appends -e kolla_serial=0 after any -e of yours, so a serial upgrade cannot be asked of it; drop --kolla-serial, or use"
          + " the bash CLI of 2024.1 or earlier");
    }
    return Integer.toString(serial);
  }

  /** A mistyped service would upgrade nothing and exit 0: each must be a tag of the site.yml this kolla-ansible runs. */
  private void checkTags() {
    Path site = KollaTags.siteYml(resolved(), System.getenv());
    if (!Files.isRegularFile(site)) {
      throw new VigilException("--kolla-services: cannot check " + String.join(",", services) + " against Kolla-Ansible's tags: no " + site
          + " (where the kolla-ansible at " + resolved() + " reads its playbooks); set KOLLA_ANSIBLE_DATA_FILES_PATH as for kolla-ansible,"
          + " or give the kolla-ansible of that installation with --kolla-bin");
    }
    java.util.Set<String> tags = KollaTags.of(site);
    List<String> unknown = services.stream().filter(s -> !tags.contains(s)).toList();
    if (!unknown.isEmpty()) {
      throw new VigilException("--kolla-services " + String.join(",", unknown) + ": not a tag of " + site + " (an unknown tag upgrades"
          + " nothing, and kolla-ansible still exits 0); its service tags: " + String.join(", ", tags));
    }
  }

  /** The executable as a path: as given when it names one, else found on PATH. */
  private Path resolved() {
    if (executable.contains("/")) {
      return Path.of(executable);
    }
    return Executable.onPath(executable, System.getenv("PATH"), Path.of("")).orElse(Path.of(executable));
  }
}
