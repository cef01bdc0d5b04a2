package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil run: bad input is one line and exit 2, before any cloud is contacted or anything is created. */
class RunCommandTest {

  @TempDir Path dir;

  private CommandRun run(String... args) {
    return CommandRun.run(Map.of(), dir, args);
  }

  private void refused(CommandRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(run.err().strip()).isEqualTo("vigil: " + message);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anUnknownDriverNamesTheKnownOnes() {
    refused(run("run", "--cloud", "lab", "--driver", "puppet", "--out", "out"),
        "unknown driver \"puppet\": use --driver command (with --upgrade-cmd), openstack-ansible, kolla-ansible or external");
  }

  @Test
  void theCommandDriverNeedsACommand() {
    refused(run("run", "--cloud", "lab", "--driver", "command", "--out", "out"),
        "--driver command needs --upgrade-cmd 'CMD': the shell command that performs the upgrade");
  }

  @Test
  void theExternalDriverRefusesCommandOptions() {
    refused(run("run", "--cloud", "lab", "--driver", "external", "--upgrade-cmd", "true", "--out", "out"),
        "--upgrade-cmd does not go with --driver external (you drive, and 'vigil mark DIR during|after|done' sets the phases): drop it, or use --driver command");
    refused(run("run", "--cloud", "lab", "--driver", "external", "--before", "10s", "--out", "out"),
        "--before does not go with --driver external (you drive, and 'vigil mark DIR during|after|done' sets the phases): drop it, or use --driver command");
  }

  @Test
  void dryRunPrintsTheCommandLinesAndExitsWithoutACloud() throws Exception {
    // The cloud's Keystone is a closed port: a dry run that tried to authenticate would fail with exit 2.
    Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  nowhere:\n    auth:\n      auth_url: http://127.0.0.1:9/v3\n"
        + "      username: u\n      password: p\n      user_domain_name: Default\n");
    Path osa = Files.createDirectories(dir.resolve("osa/playbooks"));
    Files.createDirectories(dir.resolve("osa/scripts/upgrade-utilities"));
    for (String p : List.of("playbooks/setup-openstack.yml", "playbooks/os-keystone-install.yml", "playbooks/os-glance-install.yml",
        "scripts/upgrade-utilities/deploy-config-changes.yml", "scripts/upgrade-utilities/galera-cluster-rolling-restart.yml")) {
      Files.writeString(dir.resolve("osa").resolve(p), "---\n");
    }
    String bin = tool("openstack-ansible");
    CommandRun full = run("run", "--cloud", "nowhere", "--driver", "openstack-ansible", "--osa-dir", "osa", "--osa-bin", bin, "--dry-run");
    assertThat(full.exitCode()).as(full.err()).isZero();
    String u = dir.resolve("osa/scripts/upgrade-utilities") + "/";
    assertThat(full.out().lines()).containsExactly(
        "cd " + osa,
        "unset ANSIBLE_INVENTORY",
        bin + " " + u + "deploy-config-changes.yml",
        bin + " setup-hosts.yml --limit '!galera_all:!rabbitmq_all' -e package_state=latest && " + bin
            + " setup-hosts.yml -e 'lxc_container_allow_restarts=false' --limit 'galera_all:rabbitmq_all' || " + bin + " setup-hosts.yml -e package_state=latest",
        bin + " setup-infrastructure.yml -e 'galera_upgrade=true' -e 'rabbitmq_upgrade=true' -e package_state=latest",
        bin + " " + u + "galera-cluster-rolling-restart.yml",
        bin + " setup-openstack.yml -e package_state=latest");
    assertThat(full.err().strip()).isEqualTo("vigil: dry run: options, settings and cloud \"nowhere\" checked; nothing was contacted");

    CommandRun some = run("run", "--driver", "openstack-ansible", "--osa-dir", "osa", "--osa-bin", bin, "--osa-services", "keystone,glance",
        "--limit", "infra1", "--extra-args", "-e @/etc/vigil.yml", "--dry-run");
    assertThat(some.out().lines()).containsExactly("cd " + osa, "unset ANSIBLE_INVENTORY",
        bin + " os-keystone-install.yml -e package_state=latest --limit infra1 -e @/etc/vigil.yml",
        bin + " os-glance-install.yml -e package_state=latest --limit infra1 -e @/etc/vigil.yml");

    Files.writeString(dir.resolve("multinode"), "");
    String kolla = tool("kolla-ansible");
    // the playbooks of that kolla-ansible, where it reads them (share/ beside bin/): --kolla-services is checked against their tags
    Path playbooks = Files.createDirectories(dir.resolve("share/kolla-ansible/ansible"));
    Files.writeString(playbooks.resolve("site.yml"), "- name: Apply role keystone\n  hosts: keystone\n  tags:\n    - keystone\n");
    CommandRun k = run("run", "--driver", "kolla-ansible", "--kolla-inventory", "multinode", "--kolla-bin", kolla, "--kolla-services", "keystone", "--dry-run");
    assertThat(k.exitCode()).as(k.err()).isZero();
    assertThat(k.out().lines()).containsExactly(kolla + " pull -i " + dir.resolve("multinode") + " --tags keystone",
        kolla + " prechecks -i " + dir.resolve("multinode") + " --tags keystone", kolla + " upgrade -i " + dir.resolve("multinode") + " --tags keystone");
    CommandRun typo = run("run", "--driver", "kolla-ansible", "--kolla-inventory", "multinode", "--kolla-bin", kolla, "--kolla-services", "keystnoe",
        "--dry-run");
    assertThat(typo.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(typo.err()).contains("--kolla-services keystnoe: not a tag of ").contains("its service tags: keystone");

    CommandRun c = run("run", "--driver", "command", "--upgrade-cmd", "lab/upgrade rolling identity", "--dry-run");
    assertThat(c.out().lines()).containsExactly("lab/upgrade rolling identity");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void theDeploymentDriversCheckTheirInputFirst() throws Exception {
    refused(run("run", "--driver", "openstack-ansible", "--osa-dir", "nowhere", "--osa-bin", tool("openstack-ansible"), "--out", "out"),
        "--osa-dir " + dir.resolve("nowhere") + " is not an openstack-ansible clone (no " + dir.resolve("nowhere/playbooks/setup-openstack.yml")
            + "): point --osa-dir at yours (default /opt/openstack-ansible)");
    refused(run("run", "--driver", "kolla-ansible", "--kolla-bin", tool("kolla-ansible"), "--out", "out"),
        "--driver kolla-ansible needs --kolla-inventory FILE: the inventory your deployment was deployed with (e.g. ~/multinode)");
    refused(run("run", "--driver", "kolla-ansible", "--kolla-inventory", "multinode", "--kolla-bin", tool("kolla-ansible"), "--out", "out"),
        "--kolla-inventory " + dir.resolve("multinode") + ": no such file: give the inventory your deployment was deployed with (e.g. ~/multinode)");
    Files.writeString(dir.resolve("multinode"), "");
    // The test's environment has no PATH, so the tool is nowhere to be found.
    refused(run("run", "--driver", "kolla-ansible", "--kolla-inventory", "multinode", "--out", "out"),
        "kolla-ansible is not on PATH: activate the virtualenv kolla-ansible is installed in, or give its path with --kolla-bin");
    refused(run("run", "--driver", "openstack-ansible", "--out", "out"),
        "openstack-ansible is not on PATH: scripts/bootstrap-ansible.sh installs it in /usr/local/bin, or give its path with --osa-bin");
    refused(run("run", "--driver", "kolla-ansible", "--kolla-inventory", "multinode", "--kolla-bin", "venv/bin/kolla-ansible", "--out", "out"),
        "--kolla-bin venv/bin/kolla-ansible: no such file: give the path of your kolla-ansible (activate the virtualenv kolla-ansible is installed in)");
  }

  @Test
  void anOptionOfAnotherDriverIsRefused() {
    refused(run("run", "--driver", "openstack-ansible", "--kolla-inventory", "multinode", "--out", "out"),
        "--kolla-inventory goes with --driver kolla-ansible, not --driver openstack-ansible: drop it, or use --driver kolla-ansible");
    refused(run("run", "--driver", "kolla-ansible", "--osa-services", "keystone", "--out", "out"),
        "--osa-services goes with --driver openstack-ansible, not --driver kolla-ansible: drop it, or use --driver openstack-ansible");
    refused(run("run", "--driver", "kolla-ansible", "--upgrade-cmd", "true", "--out", "out"),
        "--upgrade-cmd goes with --driver command, not --driver kolla-ansible: drop it, or use --driver command");
    refused(run("run", "--driver", "command", "--upgrade-cmd", "true", "--limit", "infra1", "--out", "out"),
        "--limit goes with --driver openstack-ansible or kolla-ansible, not --driver command: drop it");
    refused(run("run", "--driver", "external", "--extra-args", "-v", "--out", "out"),
        "--extra-args goes with --driver openstack-ansible or kolla-ansible, not --driver external: drop it");
    refused(run("run", "--driver", "external", "--dry-run", "--out", "out"),
        "--dry-run shows the commands a driver runs, and --driver external runs none (you drive): drop --dry-run");
  }

  /** A stand-in for a deployment tool: only its existence is checked before a dry run. */
  private String tool(String name) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin")).resolve(name);
    Files.writeString(bin, "#!/bin/sh\nexit 0\n");
    bin.toFile().setExecutable(true);
    return bin.toString();
  }

  @Test
  void anUnknownReleaseListsTheValidNames() {
    CommandRun r = run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--expect-before", "2023.3", "--out", "out");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(r.err().strip()).startsWith("vigil: --expect-before: unknown release \"2023.3\": use one of zed, 2023.1 (antelope)");
  }

  @Test
  void expectingAnOlderReleaseAfterIsAContradiction() {
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--expect-before", "2024.1", "--expect-after", "zed", "--out", "out"),
        "--expect-after zed is older than --expect-before 2024.1: an upgrade goes forward; swap them");
  }

  @Test
  void badDurationsAndLevelsAreOneLine() {
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--driver-timeout", "soon", "--out", "out"),
        "--driver-timeout soon: " + durationError("soon") + " (e.g. 90s, 10m)");
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--after", "0s", "--out", "out"),
        "--after 0s: it must be more than 0 s (e.g. 90s, 10m)");
    refused(run("run", "--cloud", "lab", "--driver", "command", "--upgrade-cmd", "true", "--require", "perfect", "--out", "out"),
        "--require perfect: use rolling, zero-downtime or zero-impact");
  }

  @Test
  void theDriverIsRequired() {
    CommandRun r = run("run", "--cloud", "lab");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(r.err()).contains("Missing required option: '--driver=command|openstack-ansible|kolla-ansible|external'").contains("vigil run --help");
  }

  @Test
  void markNeedsARunFolderAndAKnownMark() throws Exception {
    CommandRun notARun = run("mark", dir.toString(), "during");
    assertThat(notARun.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(notARun.err()).contains("is not the folder of a vigil run (no run.json)");
    Files.writeString(dir.resolve("run.json"), "{}");
    CommandRun unknown = run("mark", dir.toString(), "start");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(unknown.err()).contains("unknown mark \"start\"");
    CommandRun ok = run("mark", dir.toString(), "during");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).startsWith("mark during set at ");
    assertThat(dir.resolve("mark-during")).exists();
  }

  private static String durationError(String text) {
    try {
      dev.vigil.settings.Durations.parse(text);
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
