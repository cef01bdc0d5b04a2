package dev.vigil.run;

import dev.vigil.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --driver openstack-ansible}: the playbook runs of OpenStack-Ansible's major upgrade, as its
 * {@code scripts/run-upgrade.sh} makes them (the same steps as the guide's "Upgrading manually"),
 * from the clone's {@code playbooks} folder; or, with services named, those services' own
 * playbooks. The file names used ({@code setup-hosts.yml}, {@code os-keystone-install.yml}, {@code
 * scripts/upgrade-utilities/*.yml}) are in every release from Zed to 2026.1: since 2025.2 they import
 * the {@code openstack.osa.*} collection playbooks that the newer guides name.
 *
 * @param dir the openstack-ansible clone (checked out at the release to upgrade to, bootstrapped)
 * @param services the services whose {@code os-NAME-install.yml} to run, in order; empty for the full upgrade
 * @param limit {@code --limit} for the services' playbooks; null for none
 * @param extraArgs appended to every {@code openstack-ansible} call; null for none
 * @param executable the {@code openstack-ansible} to run, as checked by {@link Executable}
 * @param from the series upgraded from, when the clone's run-upgrade.sh has steps that depend on it
 *     (a 2023.1 clone from Yoga or Zed); null otherwise
 */
public record OpenstackAnsibleUpgrade(Path dir, List<String> services, String limit, String extraArgs, String executable, String from) {

  public OpenstackAnsibleUpgrade(Path dir, List<String> services, String limit, String extraArgs, String executable) {
    this(dir, services, limit, extraArgs, executable, null);
  }

  public static final Path DEFAULT_DIR = Path.of("/opt/openstack-ansible");

  private static final String UTILITIES = "scripts/upgrade-utilities/";

  public OpenstackAnsibleUpgrade {
    services = services == null ? List.of() : List.copyOf(services);
  }

  /** The steps, once the clone is checked for every file they name. */
  public UpgradeSteps steps() {
    Path playbooks = dir.resolve("playbooks");
    if (!Files.isRegularFile(playbooks.resolve("setup-openstack.yml"))) {
      throw new VigilException("--osa-dir " + dir + " is not an openstack-ansible clone (no " + playbooks.resolve("setup-openstack.yml")
          + "): point --osa-dir at yours (default " + DEFAULT_DIR + ")");
    }
    String extra = UpgradeSteps.extraArgs(extraArgs);
    String osa = Shell.quote(executable);
    List<String> commands = new ArrayList<>();
    if (services.isEmpty()) {
      if (limit != null) {
        throw new VigilException("--limit goes with --osa-services: the full upgrade limits setup-hosts.yml itself (galera and rabbitmq apart); "
            + "name the services to upgrade, or drop --limit");
      }
      OsaSeries series = OsaSeries.read(dir);
      String target = series == null ? null : series.target();
      boolean fromYoga = "zed".equals(target) || "yoga".equals(source(series));
      commands.add(osa + " " + utility("deploy-config-changes.yml") + extra);
      // Zed's run-upgrade.sh, and 2023.1's from Yoga: the Neutron plugin and the SSH CA first
      if (fromYoga && ("zed".equals(target) || "2023.1".equals(target))) {
        commands.add(osa + " " + utility("define-neutron-plugin.yml") + extra);
        commands.add(osa + " " + playbook("certificate-ssh-authority.yml") + extra);
      }
      // As run-upgrade.sh: galera and rabbitmq are set up without restarting their containers; a
      // deployment without containers has no such hosts apart, so the plain run is the fallback.
      commands.add(osa + " setup-hosts.yml --limit '!galera_all:!rabbitmq_all' -e package_state=latest" + extra
          + " && " + osa + " setup-hosts.yml -e 'lxc_container_allow_restarts=false' --limit 'galera_all:rabbitmq_all'" + extra
          + " || " + osa + " setup-hosts.yml -e package_state=latest" + extra);
      // Zed reconfigures HAProxy only at the end (haproxy-install.yml), not while the infrastructure moves
      commands.add(osa + " setup-infrastructure.yml -e 'galera_upgrade=true' -e 'rabbitmq_upgrade=true' -e package_state=latest"
          + ("zed".equals(target) ? " --skip-tags haproxy-config" : "") + extra);
      commands.add(osa + " " + utility("galera-cluster-rolling-restart.yml") + extra);
      // Only 2023.1's run-upgrade.sh has this step, and only its clone has the playbook.
      if (Files.isRegularFile(dir.resolve(UTILITIES + "implied_member_role.yml"))) {
        commands.add(osa + " " + utility("implied_member_role.yml") + extra);
      }
      commands.add(osa + " setup-openstack.yml -e package_state=latest" + extra);
      if ("zed".equals(target)) {
        commands.add(osa + " " + playbook("haproxy-install.yml") + " -e package_state=latest" + extra);
      }
    } else {
      for (String service : services) {
        String playbook = "os-" + service + "-install.yml";
        if (!service.matches("[a-z0-9_-]+") || !Files.isRegularFile(playbooks.resolve(playbook))) {
          throw new VigilException("--osa-services " + service + ": no " + playbooks.resolve(playbook)
              + ": name services as their playbooks there do (os-NAME-install.yml: keystone, glance, nova, ...)");
        }
        commands.add(osa + " " + playbook + " -e package_state=latest" + (limit == null ? "" : " --limit " + Shell.quote(limit)) + extra);
      }
    }
    return new UpgradeSteps(commands, playbooks, unset(), java.util.Map.of());
  }

  /**
   * What {@code run-upgrade.sh} unsets before its playbooks run, so that a shell's leftovers cannot
   * point them at another inventory or plugins: {@code ANSIBLE_INVENTORY} (every release), and up to
   * 2025.1 the variables its {@code upgrade-utilities/unset-ansible-env.rc} names, read from the clone.
   */
  private List<String> unset() {
    List<String> names = new ArrayList<>(List.of("ANSIBLE_INVENTORY"));
    Path rc = dir.resolve(UTILITIES + "unset-ansible-env.rc");
    if (Files.isRegularFile(rc)) {
      try {
        for (String line : Files.readAllLines(rc)) {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*unset\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*$").matcher(line);
          if (m.matches() && !names.contains(m.group(1))) {
            names.add(m.group(1));
          }
        }
      } catch (java.io.IOException e) {
        throw new VigilException("cannot read " + rc + " (" + e.getMessage() + "): run-upgrade.sh sources it; check the clone's permissions");
      }
    }
    return names;
  }

  /**
   * The series upgraded from, when the clone's steps depend on it: {@code --osa-from}, or the only
   * one its run-upgrade.sh supports; else refused, as run-upgrade.sh itself asks the operator.
   */
  private String source(OsaSeries series) {
    if (series == null || !series.stepsDependOnSource()) {
      return from;
    }
    if (from != null) {
      if (!series.sources().contains(from)) {
        throw new VigilException("--osa-from " + from + ": the " + series.target() + " clone at " + dir + " upgrades from "
            + String.join(" or ", series.sources()) + " only (its scripts/run-upgrade.sh says so)");
      }
      return from;
    }
    if (series.sources().size() == 1) {
      return series.sources().get(0);
    }
    throw new VigilException("--osa-dir " + dir + " is a " + series.target() + " clone whose run-upgrade.sh runs other steps from "
        + String.join(" than from ", series.sources()) + ": say which series the deployment runs now with --osa-from "
        + String.join("|", series.sources()));
  }

  /** A playbook of the clone's playbooks folder, once it is known to be there. */
  private String playbook(String name) {
    if (!Files.isRegularFile(dir.resolve("playbooks").resolve(name))) {
      throw new VigilException("--osa-dir " + dir + " has no playbooks/" + name + ", which its run-upgrade.sh runs: check out the"
          + " openstack-ansible release to upgrade to there");
    }
    return name;
  }

  /** The upgrade utility's path as a shell word, once it is known to be there. */
  private String utility(String playbook) {
    Path file = dir.resolve(UTILITIES + playbook);
    if (!Files.isRegularFile(file)) {
      throw new VigilException("--osa-dir " + dir + " has no " + UTILITIES + playbook
          + ": check out the openstack-ansible release to upgrade to there (and run scripts/bootstrap-ansible.sh), or name the services with --osa-services");
    }
    return Shell.quote(file.toString());
  }
}
