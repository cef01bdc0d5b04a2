package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.EventRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openstack-ansible and kolla-ansible drivers run for real against a stub of the tool: a bash
 * script that records each call's folder and arguments, and fails or hangs where the test says.
 */
class DeploymentDriversTest {

  @TempDir Path dir;

  private final List<EventRecord> events = new CopyOnWriteArrayList<>();

  private Path calls() {
    return dir.resolve("calls.tsv");
  }

  /**
   * @param behaviour bash run before the call returns; {@code $n} is the call's number (from 1) and
   *     {@code $*} its arguments
   */
  private String stub(String name, String behaviour) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path stub = bin.resolve(name);
    Files.writeString(stub, "#!/bin/bash\n"
        + "printf '%s' \"$PWD\" >> " + calls() + "; printf '\\t%s' \"$@\" >> " + calls() + "; echo >> " + calls() + "\n"
        + "n=$(wc -l < " + calls() + ")\n"
        + "echo \"stub call $n: $*\"\n"
        + behaviour + "\n");
    stub.toFile().setExecutable(true);
    return stub.toString();
  }

  private List<String> recorded() throws Exception {
    return Files.exists(calls()) ? Files.readAllLines(calls()) : List.of();
  }

  private DriverResult run(CommandDriver driver) throws InterruptedException {
    Path runDir = dir.resolve("run");
    runDir.toFile().mkdirs();
    return driver.upgrade(new Driver.Context(runDir, dir, new Stop(), events::add, line -> {}));
  }

  @Test
  void theFullOpenstackAnsibleUpgradeRunsEveryPlaybookFromThePlaybooksFolder() throws Exception {
    Path osa = UpgradeCommandLinesTest.osaClone(dir.resolve("osa"));
    String bin = stub("openstack-ansible", "exit 0");
    UpgradeSteps steps = new OpenstackAnsibleUpgrade(osa, List.of(), null, "-e 'x=a b'", bin).steps();
    DriverResult r = run(new CommandDriver("openstack-ansible", steps, Duration.ofSeconds(30)));

    assertThat(r.ok()).as(r.error()).isTrue();
    assertThat(r.exitCode()).isZero();
    String pb = osa.resolve("playbooks").toString();
    String u = osa + "/scripts/upgrade-utilities/";
    assertThat(recorded()).containsExactly(
        pb + "\t" + u + "deploy-config-changes.yml\t-e\tx=a b",
        pb + "\tsetup-hosts.yml\t--limit\t!galera_all:!rabbitmq_all\t-e\tpackage_state=latest\t-e\tx=a b",
        pb + "\tsetup-hosts.yml\t-e\tlxc_container_allow_restarts=false\t--limit\tgalera_all:rabbitmq_all\t-e\tx=a b",
        pb + "\tsetup-infrastructure.yml\t-e\tgalera_upgrade=true\t-e\trabbitmq_upgrade=true\t-e\tpackage_state=latest\t-e\tx=a b",
        pb + "\t" + u + "galera-cluster-rolling-restart.yml\t-e\tx=a b",
        pb + "\tsetup-openstack.yml\t-e\tpackage_state=latest\t-e\tx=a b");
    assertThat(events).extracting(EventRecord::text)
        .contains("step 1/5: start: " + steps.commands().get(0), "step 1/5: end: exit 0", "stub call 6: setup-openstack.yml -e package_state=latest -e x=a b",
            "step 5/5: end: exit 0", "end: exit 0");
    assertThat(Files.readString(dir.resolve("run").resolve(CommandDriver.LOG))).contains("vigil: step 3/5: running in " + pb + ": bash -c ");
  }

  @Test
  void withoutGaleraAndRabbitmqHostsSetupHostsFallsBackToAPlainRunAsRunUpgradeShDoes() throws Exception {
    Path osa = UpgradeCommandLinesTest.osaClone(dir.resolve("osa"));
    String bin = stub("openstack-ansible", "[[ \"$*\" == *galera_all:rabbitmq_all* ]] && { echo 'no hosts matched'; exit 1; }; exit 0");
    DriverResult r = run(new CommandDriver("openstack-ansible", new OpenstackAnsibleUpgrade(osa, List.of(), null, null, bin).steps(), Duration.ofSeconds(30)));
    assertThat(r.ok()).as(r.error()).isTrue();
    assertThat(recorded()).hasSize(7);
    assertThat(recorded().get(3)).endsWith("\tsetup-hosts.yml\t-e\tpackage_state=latest");
    assertThat(recorded().get(6)).endsWith("\tsetup-openstack.yml\t-e\tpackage_state=latest");
  }

  @Test
  void aFailingStepEndsTheSequenceWithItsExitCode() throws Exception {
    Path osa = UpgradeCommandLinesTest.osaClone(dir.resolve("osa"));
    Files.writeString(osa.resolve("playbooks/os-nova-install.yml"), "---\n");
    String bin = stub("openstack-ansible", "[ \"$n\" = 2 ] && exit 2; exit 0");
    UpgradeSteps steps = new OpenstackAnsibleUpgrade(osa, List.of("keystone", "glance", "nova"), null, null, bin).steps();
    DriverResult r = run(new CommandDriver("openstack-ansible", steps, Duration.ofSeconds(30)));

    assertThat(r.ok()).isFalse();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.error()).isEqualTo("step 2/3 (" + steps.commands().get(1) + ") failed with exit code 2 (see " + dir.resolve("run").resolve("driver.log") + ")");
    assertThat(recorded()).hasSize(2);
    assertThat(recorded().get(1)).contains("\tos-glance-install.yml\t");
    assertThat(events).extracting(EventRecord::text).contains("step 2/3: end: exit 2", "end: " + r.error())
        .noneMatch(t -> t.startsWith("step 3/3"));
  }

  @Test
  void theStepsDoNotInheritWhatTheDeploymentToolUnsets() throws Exception {
    // HOME stands for ANSIBLE_INVENTORY: a variable this JVM surely has, which a test cannot set
    assertThat(System.getenv("HOME")).isNotNull();
    UpgradeSteps steps = new UpgradeSteps(List.of("echo \"home=[${HOME:-}] path=[${PATH:+set}] serial=[${ANSIBLE_SERIAL:-}]\""), null,
        List.of("HOME"), java.util.Map.of("ANSIBLE_SERIAL", "2"));
    List<String> output = new java.util.ArrayList<>();
    DriverResult r = new CommandDriver("command", steps, Duration.ofMinutes(1))
        .upgrade(new Driver.Context(Files.createDirectories(dir.resolve("run")), dir, new Stop(), events::add, output::add));
    assertThat(r.ok()).as(output.toString()).isTrue();
    assertThat(output).anyMatch(l -> l.contains("home=[] path=[set] serial=[2]"));
  }

  @Test
  void aHangingStepIsTerminatedAtTheTimeoutOfTheWholeSequence() throws Exception {
    Path inventory = Files.writeString(dir.resolve("multinode"), "[control]\nlocalhost\n");
    String bin = stub("kolla-ansible", "[ \"$1\" = upgrade ] && sleep 30; exit 0");
    Path playbooks = Files.createDirectories(dir.resolve("share/kolla-ansible/ansible")); // beside bin/, as in a virtualenv
    Files.writeString(playbooks.resolve("site.yml"), UpgradeCommandLinesTest.SITE_YML);
    UpgradeSteps steps = new KollaAnsibleUpgrade(inventory, List.of("keystone"), null, null, bin).steps();
    long start = System.nanoTime();
    DriverResult r = run(new CommandDriver("kolla-ansible", steps, Duration.ofSeconds(2)));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(seconds).isBetween(2.0, 10.0);
    assertThat(r.ok()).isFalse();
    assertThat(r.exitCode()).isNull();
    assertThat(r.error()).startsWith("step 3/3 (" + steps.commands().get(2) + ") did not end within --driver-timeout 2s; it was terminated");
    assertThat(recorded()).containsExactly(dir + "\tpull\t-i\t" + inventory + "\t--tags\tkeystone",
        dir + "\tprechecks\t-i\t" + inventory + "\t--tags\tkeystone", dir + "\tupgrade\t-i\t" + inventory + "\t--tags\tkeystone");
    assertThat(events).extracting(EventRecord::text).contains("step 1/3: end: exit 0", "step 2/3: end: exit 0", "step 3/3: end: terminated");
  }

  @Test
  void aStopEndsTheRunningStepAndNoLaterOneStarts() throws Exception {
    Path inventory = Files.writeString(dir.resolve("multinode"), "");
    String bin = stub("kolla-ansible", "sleep 30");
    Stop stop = new Stop();
    new Thread(() -> {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      stop.request();
    }).start();
    Path runDir = Files.createDirectories(dir.resolve("run"));
    DriverResult r = new CommandDriver("kolla-ansible", new KollaAnsibleUpgrade(inventory, List.of(), null, null, bin).steps(), Duration.ofMinutes(1))
        .upgrade(new Driver.Context(runDir, dir, stop, events::add, line -> {}));
    assertThat(r.stopped()).isTrue();
    assertThat(r.seconds()).isLessThan(10);
    assertThat(recorded()).hasSize(1);
    assertThat(r.error()).startsWith("stopped by Ctrl-C or SIGTERM while step 1/3 (");
  }
}
