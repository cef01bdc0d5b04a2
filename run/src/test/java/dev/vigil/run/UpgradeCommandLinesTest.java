package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command lines the openstack-ansible and kolla-ansible drivers build from their options. */
class UpgradeCommandLinesTest {

  @TempDir Path dir;

  /** An openstack-ansible clone as the upgrade reads it: the playbooks and upgrade utilities of a release. */
  static Path osaClone(Path root, String... extraUtilities) throws Exception {
    Files.createDirectories(root.resolve("playbooks"));
    Files.createDirectories(root.resolve("scripts/upgrade-utilities"));
    for (String p : List.of("setup-hosts.yml", "setup-infrastructure.yml", "setup-openstack.yml", "os-keystone-install.yml", "os-glance-install.yml")) {
      Files.writeString(root.resolve("playbooks").resolve(p), "---\n");
    }
    for (String u : List.of("deploy-config-changes.yml", "galera-cluster-rolling-restart.yml")) {
      Files.writeString(root.resolve("scripts/upgrade-utilities").resolve(u), "---\n");
    }
    for (String u : extraUtilities) {
      Files.writeString(root.resolve("scripts/upgrade-utilities").resolve(u), "---\n");
    }
    return root;
  }

  @Test
  void theFullOpenstackAnsibleUpgradeIsRunUpgradeShsPlaybooksFromThePlaybooksFolder() throws Exception {
    Path osa = osaClone(dir.resolve("osa"));
    UpgradeSteps steps = new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible").steps();
    String u = osa + "/scripts/upgrade-utilities/";
    assertThat(steps.directory()).isEqualTo(osa.resolve("playbooks"));
    assertThat(steps.commands()).containsExactly(
        "openstack-ansible " + u + "deploy-config-changes.yml",
        "openstack-ansible setup-hosts.yml --limit '!galera_all:!rabbitmq_all' -e package_state=latest"
            + " && openstack-ansible setup-hosts.yml -e 'lxc_container_allow_restarts=false' --limit 'galera_all:rabbitmq_all'"
            + " || openstack-ansible setup-hosts.yml -e package_state=latest",
        "openstack-ansible setup-infrastructure.yml -e 'galera_upgrade=true' -e 'rabbitmq_upgrade=true' -e package_state=latest",
        "openstack-ansible " + u + "galera-cluster-rolling-restart.yml",
        "openstack-ansible setup-openstack.yml -e package_state=latest");
    assertThat(steps.script()).first().isEqualTo("cd " + osa.resolve("playbooks"));
    // as run-upgrade.sh: a shell's ANSIBLE_INVENTORY must not send the playbooks to another inventory
    assertThat(steps.unset()).containsExactly("ANSIBLE_INVENTORY");
    assertThat(steps.script().get(1)).isEqualTo("unset ANSIBLE_INVENTORY");
    assertThat(steps.script()).hasSize(7);
  }

  @Test
  void upTo2025_1TheClonesUnsetAnsibleEnvRcIsUnsetToo() throws Exception {
    Path osa = osaClone(dir.resolve("osa"));
    // stable/2025.1's scripts/upgrade-utilities/unset-ansible-env.rc, which its run-upgrade.sh sources (shortened)
    Files.writeString(osa.resolve("scripts/upgrade-utilities/unset-ansible-env.rc"),
        "# Copyright ...\nunset ANSIBLE_LIBRARY\nunset ANSIBLE_FILTER_PLUGINS\n\nunset ANSIBLE_TRANSPORT\n");
    UpgradeSteps steps = new OpenstackAnsibleUpgrade(osa, List.of("keystone"), null, null, "openstack-ansible").steps();
    assertThat(steps.unset()).containsExactly("ANSIBLE_INVENTORY", "ANSIBLE_LIBRARY", "ANSIBLE_FILTER_PLUGINS", "ANSIBLE_TRANSPORT");
  }

  /** The lines of a series' scripts/run-upgrade.sh that name its series (openstack-ansible ff08037, per branch). */
  private static Path runUpgrade(Path osa, String exports, boolean dependsOnSource) throws Exception {
    Files.writeString(osa.resolve("scripts/run-upgrade.sh"), "#!/usr/bin/env bash\n" + exports + "\n"
        + (dependsOnSource ? "        if [[ \"${SOURCE_SERIES}\" == \"yoga\" ]]; then\n" : ""));
    return osa;
  }

  @Test
  void aZedCloneFollowsZedsRunUpgradeSh() throws Exception {
    Path osa = runUpgrade(osaClone(dir.resolve("osa"), "define-neutron-plugin.yml"), "export SOURCE_SERIES=\"yoga\"\nexport TARGET_SERIES=\"zed\"", false);
    for (String p : List.of("certificate-ssh-authority.yml", "haproxy-install.yml")) {
      Files.writeString(osa.resolve("playbooks").resolve(p), "---\n");
    }
    String u = osa + "/scripts/upgrade-utilities/";
    assertThat(new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible").steps().commands()).containsExactly(
        "openstack-ansible " + u + "deploy-config-changes.yml",
        "openstack-ansible " + u + "define-neutron-plugin.yml",
        "openstack-ansible certificate-ssh-authority.yml",
        "openstack-ansible setup-hosts.yml --limit '!galera_all:!rabbitmq_all' -e package_state=latest"
            + " && openstack-ansible setup-hosts.yml -e 'lxc_container_allow_restarts=false' --limit 'galera_all:rabbitmq_all'"
            + " || openstack-ansible setup-hosts.yml -e package_state=latest",
        "openstack-ansible setup-infrastructure.yml -e 'galera_upgrade=true' -e 'rabbitmq_upgrade=true' -e package_state=latest --skip-tags haproxy-config",
        "openstack-ansible " + u + "galera-cluster-rolling-restart.yml",
        "openstack-ansible setup-openstack.yml -e package_state=latest",
        "openstack-ansible haproxy-install.yml -e package_state=latest");
  }

  @Test
  void a2023_1CloneAsksWhichSeriesItUpgradesFromAsItsRunUpgradeShDoes() throws Exception {
    Path osa = runUpgrade(osaClone(dir.resolve("osa"), "define-neutron-plugin.yml", "implied_member_role.yml"),
        "export SUPPORTED_SOURCE_SERIES=(\"yoga\" \"zed\")\nexport TARGET_SERIES=\"2023.1\"", true);
    Files.writeString(osa.resolve("playbooks/certificate-ssh-authority.yml"), "---\n");
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible").steps())
        .hasMessage("--osa-dir " + osa + " is a 2023.1 clone whose run-upgrade.sh runs other steps from yoga than from zed: say which series"
            + " the deployment runs now with --osa-from yoga|zed");
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible", "xena").steps())
        .hasMessage("--osa-from xena: the 2023.1 clone at " + osa + " upgrades from yoga or zed only (its scripts/run-upgrade.sh says so)");
    List<String> fromYoga = new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible", "yoga").steps().commands();
    List<String> fromZed = new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible", "zed").steps().commands();
    assertThat(fromYoga).hasSize(8).contains("openstack-ansible certificate-ssh-authority.yml");
    assertThat(fromZed).hasSize(6).noneMatch(c -> c.contains("define-neutron-plugin") || c.contains("certificate-ssh-authority"));
    assertThat(fromZed.get(4)).endsWith("implied_member_role.yml");
  }

  @Test
  void aCloneWhoseStepsDoNotDependOnTheSourceNeedsNoOsaFrom() throws Exception {
    // 2024.1 writes its list with a comma: ("2023.1", "2023.2")
    Path osa = runUpgrade(osaClone(dir.resolve("osa")), "export SUPPORTED_SOURCE_SERIES=(\"2023.1\", \"2023.2\")\nexport TARGET_SERIES=\"2024.1\"", false);
    assertThat(OsaSeries.read(osa)).isEqualTo(new OsaSeries("2024.1", List.of("2023.1", "2023.2"), false));
    assertThat(new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible").steps().commands()).hasSize(5);
  }

  @Test
  void a2023_1CloneAddsItsImpliedMemberRoleStepBeforeSetupOpenstack() throws Exception {
    Path osa = osaClone(dir.resolve("osa"), "implied_member_role.yml");
    List<String> commands = new OpenstackAnsibleUpgrade(osa, List.of(), null, "-e @/etc/vars.yml", "/opt/bin/openstack-ansible").steps().commands();
    assertThat(commands).hasSize(6);
    assertThat(commands.get(4)).isEqualTo("/opt/bin/openstack-ansible " + osa + "/scripts/upgrade-utilities/implied_member_role.yml -e @/etc/vars.yml");
    assertThat(commands.get(5)).isEqualTo("/opt/bin/openstack-ansible setup-openstack.yml -e package_state=latest -e @/etc/vars.yml");
    // every openstack-ansible call of the chained setup-hosts step gets the extra arguments
    assertThat(commands.get(1).split("-e @/etc/vars.yml", -1)).hasSize(4);
  }

  @Test
  void servicesRunTheirOwnPlaybooksInOrderWithTheLimit() throws Exception {
    Path osa = osaClone(dir.resolve("my osa"));
    UpgradeSteps steps = new OpenstackAnsibleUpgrade(osa, List.of("keystone", "glance"), "infra1:!infra3", null, "openstack-ansible").steps();
    assertThat(steps.commands()).containsExactly(
        "openstack-ansible os-keystone-install.yml -e package_state=latest --limit 'infra1:!infra3'",
        "openstack-ansible os-glance-install.yml -e package_state=latest --limit 'infra1:!infra3'");
    assertThat(steps.script().get(0)).isEqualTo("cd '" + osa.resolve("playbooks") + "'");
  }

  @Test
  void openstackAnsibleRefusesWhatItCannotRun() throws Exception {
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(dir, List.of(), null, null, "openstack-ansible").steps())
        .isInstanceOf(VigilException.class)
        .hasMessage("--osa-dir " + dir + " is not an openstack-ansible clone (no " + dir + "/playbooks/setup-openstack.yml): point --osa-dir at yours (default /opt/openstack-ansible)");
    Path osa = osaClone(dir.resolve("osa"));
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(osa, List.of("keystone", "nova"), null, null, "openstack-ansible").steps())
        .hasMessage("--osa-services nova: no " + osa + "/playbooks/os-nova-install.yml: name services as their playbooks there do (os-NAME-install.yml: keystone, glance, nova, ...)");
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(osa, List.of("../setup"), null, null, "openstack-ansible").steps())
        .hasMessageStartingWith("--osa-services ../setup: no ");
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(osa, List.of(), "infra1", null, "openstack-ansible").steps())
        .hasMessageStartingWith("--limit goes with --osa-services: the full upgrade limits setup-hosts.yml itself");
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(osa, List.of(), null, "-v\n-e x=1", "openstack-ansible").steps())
        .hasMessage("--extra-args must be one line (it is appended to every playbook run): join the arguments with spaces");
    Files.delete(osa.resolve("scripts/upgrade-utilities/galera-cluster-rolling-restart.yml"));
    assertThatThrownBy(() -> new OpenstackAnsibleUpgrade(osa, List.of(), null, null, "openstack-ansible").steps())
        .hasMessage("--osa-dir " + osa + " has no scripts/upgrade-utilities/galera-cluster-rolling-restart.yml: check out the openstack-ansible release "
            + "to upgrade to there (and run scripts/bootstrap-ansible.sh), or name the services with --osa-services");
  }

  /** An excerpt of Kolla-Ansible's ansible/site.yml (master, 1a68181): plays and their tags. */
  static final String SITE_YML = """
      - name: Group hosts based on configuration
        hosts: all
        tags: always
      - name: Apply role prechecks
        hosts: kolla_action_precheck
        roles:
          - role: prechecks
      - name: Apply role common
        hosts: kolla_logs
        tags:
          - common
          - logs
      - name: Apply role keystone
        hosts: keystone
        tags:
          - keystone
      - name: Apply role glance
        hosts: glance-api
        tags:
          - glance
      - name: Apply role nova
        hosts: nova-api
        tags:
          - nova
          - nova-api
      """;

  /** A kolla-ansible installed in a virtualenv, its playbooks under share/ as pip puts them. */
  static Path kollaVenv(Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("venv/bin")).resolve("kolla-ansible");
    Files.writeString(bin, "#!/bin/sh\n");
    Path ansible = Files.createDirectories(dir.resolve("venv/share/kolla-ansible/ansible"));
    Files.writeString(ansible.resolve("site.yml"), SITE_YML);
    return bin;
  }

  @Test
  void kollaAnsiblePullsChecksThenUpgradesWithTheActionFirst() throws Exception {
    Path inventory = Files.writeString(dir.resolve("multinode"), "[control]\n");
    UpgradeSteps all = new KollaAnsibleUpgrade(inventory, List.of(), null, null, "kolla-ansible").steps();
    assertThat(all.directory()).isNull();
    assertThat(all.script()).containsExactly("kolla-ansible pull -i " + inventory, "kolla-ansible prechecks -i " + inventory,
        "kolla-ansible upgrade -i " + inventory);

    Path bin = kollaVenv(dir);
    UpgradeSteps some = new KollaAnsibleUpgrade(inventory, List.of("keystone", "glance"), "control01", "--configdir /etc/kolla -e @/etc/x.yml",
        bin.toString()).steps();
    String options = " -i " + inventory + " --tags keystone,glance --limit control01 --configdir /etc/kolla -e @/etc/x.yml";
    assertThat(some.commands()).containsExactly(bin + " pull" + options, bin + " prechecks" + options, bin + " upgrade" + options);
  }

  @Test
  void aServiceKollaHasNoTagForIsRefusedBeforeAnythingRuns() throws Exception {
    Path inventory = Files.writeString(dir.resolve("multinode"), "[control]\n");
    Path bin = kollaVenv(dir);
    Path site = dir.resolve("venv/share/kolla-ansible/ansible/site.yml").toRealPath();
    // "glanse" would run only the 'always' plays: nothing upgraded, exit 0
    assertThatThrownBy(() -> new KollaAnsibleUpgrade(inventory, List.of("keystone", "glanse"), null, null, bin.toString()).steps())
        .hasMessage("--kolla-services glanse: not a tag of " + site + " (an unknown tag upgrades nothing, and kolla-ansible still exits 0);"
            + " its service tags: common, glance, keystone, logs, nova, nova-api");
    Path bare = Files.createDirectories(dir.resolve("elsewhere/bin")).resolve("kolla-ansible");
    Files.writeString(bare, "#!/bin/sh\n");
    assertThatThrownBy(() -> new KollaAnsibleUpgrade(inventory, List.of("keystone"), null, null, bare.toString()).steps())
        .hasMessageStartingWith("--kolla-services: cannot check keystone against Kolla-Ansible's tags: no ")
        .hasMessageEndingWith("set KOLLA_ANSIBLE_DATA_FILES_PATH as for kolla-ansible, or give the kolla-ansible of that installation with --kolla-bin");
  }

  @Test
  void aSerialKollaUpgradeGoesThroughTheBashCliAndIsRefusedByThePythonOne() throws Exception {
    Path inventory = Files.writeString(dir.resolve("multinode"), "[control]\n");
    // 2024.1's tools/kolla-ansible: ANSIBLE_SERIAL=${ANSIBLE_SERIAL:-0} ... -e kolla_serial=${ANSIBLE_SERIAL}
    Path bash = Files.writeString(dir.resolve("kolla-ansible-2024.1"), "#!/bin/bash\n#\n# This script can be used to interact with kolla via ansible.\n");
    UpgradeSteps serial = new KollaAnsibleUpgrade(inventory, List.of(), null, null, bash.toString(), 2).steps();
    assertThat(serial.set()).containsExactly(java.util.Map.entry("ANSIBLE_SERIAL", "2"));
    assertThat(serial.script().get(0)).isEqualTo("export ANSIBLE_SERIAL=2");
    // 19.0.0's console script: the Python CLI appends -e kolla_serial=0 after the user's -e
    Path python = Files.writeString(dir.resolve("kolla-ansible-19"), "#!/opt/kolla/bin/python3\n# -*- coding: utf-8 -*-\nimport re\n");
    assertThatThrownBy(() -> new KollaAnsibleUpgrade(inventory, List.of(), null, null, python.toString(), 2).steps())
        .hasMessageStartingWith("--kolla-serial: the kolla-ansible at " + python + " is the Python CLI (Kolla-Ansible 19, 2024.2, and later)");
    assertThatThrownBy(() -> new KollaAnsibleUpgrade(inventory, List.of(), null, null, bash.toString(), 0).steps())
        .hasMessage("--kolla-serial 0: give how many hosts to upgrade at a time, 1 or more");
    assertThat(new KollaAnsibleUpgrade(inventory, List.of(), null, null, bash.toString()).steps().set()).isEmpty();
  }

  @Test
  void kollaAnsibleNeedsItsInventory() throws Exception {
    assertThatThrownBy(() -> new KollaAnsibleUpgrade(null, List.of(), null, null, "kolla-ansible").steps())
        .hasMessage("--driver kolla-ansible needs --kolla-inventory FILE: the inventory your deployment was deployed with (e.g. ~/multinode)");
    assertThatThrownBy(() -> new KollaAnsibleUpgrade(dir.resolve("nope"), List.of(), null, null, "kolla-ansible").steps())
        .hasMessage("--kolla-inventory " + dir.resolve("nope") + ": no such file: give the inventory your deployment was deployed with (e.g. ~/multinode)");
    Path inventory = Files.writeString(dir.resolve("multinode"), "");
    assertThatThrownBy(() -> new KollaAnsibleUpgrade(inventory, List.of("Keystone;reboot"), null, null, "kolla-ansible").steps())
        .hasMessageStartingWith("--kolla-services Keystone;reboot: not a Kolla service tag");
  }

  @Test
  void theExecutableIsFoundOnPathOrAtTheGivenPath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path tool = Files.writeString(bin.resolve("kolla-ansible"), "#!/bin/sh\n");
    assertThatThrownBy(() -> Executable.check(null, "kolla-ansible", "--kolla-bin", "/nowhere:" + bin, dir, "activate its virtualenv"))
        .hasMessage("kolla-ansible is not on PATH: activate its virtualenv, or give its path with --kolla-bin");
    assertThatThrownBy(() -> Executable.check("bin/kolla-ansible", "kolla-ansible", "--kolla-bin", null, dir, "activate its virtualenv"))
        .hasMessage("--kolla-bin bin/kolla-ansible: not an executable file: give the path of your kolla-ansible (activate its virtualenv)");
    tool.toFile().setExecutable(true);
    assertThat(Executable.check(null, "kolla-ansible", "--kolla-bin", "/nowhere:" + bin, dir, "x")).isEqualTo("kolla-ansible");
    assertThat(Executable.check("bin/kolla-ansible", "kolla-ansible", "--kolla-bin", null, dir, "x")).isEqualTo("bin/kolla-ansible");
    assertThatThrownBy(() -> Executable.check("/no/such", "openstack-ansible", "--osa-bin", null, dir, "bootstrap it"))
        .hasMessage("--osa-bin /no/such: no such file: give the path of your openstack-ansible (bootstrap it)");
    assertThatThrownBy(() -> Executable.check(null, "openstack-ansible", "--osa-bin", null, dir, "bootstrap it"))
        .hasMessage("openstack-ansible is not on PATH: bootstrap it, or give its path with --osa-bin");
  }

  @Test
  void shellWordsAreQuotedOnlyWhenTheyNeedIt() {
    assertThat(Shell.quote("/etc/kolla/multinode")).isEqualTo("/etc/kolla/multinode");
    assertThat(Shell.quote("a b")).isEqualTo("'a b'");
    assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(Shell.quote("!galera_all")).isEqualTo("'!galera_all'");
  }
}
