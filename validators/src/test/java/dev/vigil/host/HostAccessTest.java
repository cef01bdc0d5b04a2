package dev.vigil.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import dev.vigil.settings.HostSettings;
import dev.vigil.settings.HostSettings.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: sh, a sleeping command, and fake ssh, docker and lxc-attach scripts in a temporary folder. */
class HostAccessTest {

  @TempDir Path dir;

  private HostSettings settings(Kind kind, String template, Map<String, List<String>> hosts, Path inventory, String attach, Duration timeout) {
    return new HostSettings(kind, template, hosts, inventory, "docker", attach, timeout);
  }

  /** A script in the temporary folder; the fake ssh runs its command as a remote shell would, with the folder on PATH. */
  private Path script(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private Path fakeSsh() throws IOException {
    return script("ssh", "echo \"$1\" >> " + dir.resolve("ssh-hosts") + "; shift; PATH=" + dir + ":$PATH exec sh -c \"$*\"");
  }

  @Test
  void aLocalCommandRunsAsItIsAndIsLogged() {
    HostAccess access = HostAccess.of(settings(Kind.LOCAL, null, Map.of(), null, "lxc-attach", Duration.ofSeconds(10)));
    Place place = access.places("compute").places().get(0);
    HostLog log = HostLog.in(dir);
    HostAnswer a = access.run(place, List.of("sh", "-c", "echo \"it's here\"; echo warn >&2; exit 1"), log);
    assertThat(a.answered()).isTrue();
    assertThat(a.exitCode()).isEqualTo(1);
    assertThat(a.output()).containsExactly("it's here");
    assertThat(a.errors()).containsExactly("warn");
    assertThat(place).isEqualTo(new Place("compute", "localhost", "localhost", null, true));
    assertThat(log.file()).content().contains("compute on localhost: sh -c 'echo \"it'\\''s here\"; echo warn >&2; exit 1'", "→ exit 1", "  | it's here");
  }

  @Test
  void aCommandThatHangsIsStoppedAtTheTimeout() {
    HostAccess access = HostAccess.of(settings(Kind.LOCAL, null, Map.of(), null, "lxc-attach", Duration.ofMillis(800)));
    long t0 = System.nanoTime();
    HostAnswer a = access.run(access.places("identity").places().get(0), List.of("sh", "-c", "sleep 30; echo never"), HostLog.in(dir));
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    assertThat(a.problem()).isEqualTo(HostAnswer.Problem.TIMEOUT);
    assertThat(a.exitCode()).isNull();
    assertThat(a.summary()).startsWith("timed out after");
  }

  @Test
  void aTemplateQuotesTheCommandForTheRemoteShellAndHidesSecretsInTheLog() throws IOException {
    Path ssh = fakeSsh();
    HostAccess access = HostAccess.of(settings(Kind.TEMPLATE, ssh + " {host} {command}", Map.of("identity", List.of("ctl1", "ctl2")), null,
        "lxc-attach", Duration.ofSeconds(10)));
    List<Place> places = access.places("identity").places();
    assertThat(places).extracting(Place::host).containsExactly("ctl1", "ctl2");
    HostLog log = HostLog.in(dir);
    HostAnswer a = access.run(places.get(1), List.of("printf", "%s;", "a b", "it's", "--os-password hunter2"), log);
    // three words arrive as three, and what the command printed is stored with its secret hidden too
    assertThat(a.output()).containsExactly("a b;it's;--os-password ***");
    assertThat(Files.readString(dir.resolve("ssh-hosts")).strip()).isEqualTo("ctl2");
    assertThat(access.commandLine(places.get(1), List.of("nova-status", "upgrade", "check")))
        .isEqualTo("sh -c '" + ssh + " ctl2 '\\''nova-status upgrade check'\\'''");
    assertThat(log.file()).content().doesNotContain("hunter2").contains("--os-password ***");
  }

  @Test
  void anUnreachableHostIsAProblemNotACrash() throws IOException {
    Path ssh = script("ssh", "echo \"ssh: connect to host $1 port 22: Connection refused\" >&2; exit 255");
    HostAccess access = HostAccess.of(settings(Kind.TEMPLATE, ssh + " {host} {command}", Map.of(), null, "lxc-attach", Duration.ofSeconds(10)));
    HostAnswer a = access.run(access.places("image").places().get(0), List.of("glance-status", "upgrade", "check"), HostLog.in(dir));
    assertThat(a.problem()).isEqualTo(HostAnswer.Problem.UNREACHABLE);
    assertThat(a.summary()).isEqualTo("cannot reach the host (exit 255): ssh: connect to host localhost port 22: Connection refused");
  }

  @Test
  void kollaExecsIntoTheServicesContainerOnTheInventorysHosts() throws IOException {
    Path inventory = dir.resolve("multinode");
    Files.writeString(inventory, """
        [control]
        control[01:02] ansible_user=kolla
        control03 ansible_host=10.0.0.13
        # the rest as ansible/inventory/multinode has it
        [nova:children]
        control
        [nova-api:children]
        nova
        [keystone:children]
        control
        [all-in-one]
        localhost ansible_connection=local
        [placement-api:children]
        all-in-one
        """);
    Path ssh = fakeSsh();
    script("docker", "echo \"Error response from daemon: No such container: $2\" >&2; exit 1");
    HostAccess access = HostAccess.of(settings(Kind.KOLLA_ANSIBLE, ssh + " {host} {command}", Map.of(), inventory, "lxc-attach",
        Duration.ofSeconds(10)));
    List<Place> nova = access.places("compute").places();
    assertThat(nova).extracting(Place::host).containsExactly("control01", "control02", "control03");
    assertThat(nova.get(2).address()).isEqualTo("10.0.0.13");
    assertThat(access.argv(nova.get(2), List.of("nova-status", "upgrade", "check")))
        .containsExactly("sh", "-c", ssh + " 10.0.0.13 'docker exec nova_api nova-status upgrade check'");
    Place placement = access.places("placement").places().get(0);
    assertThat(access.argv(placement, List.of("placement-status", "upgrade", "check")))
        .containsExactly("docker", "exec", "placement_api", "placement-status", "upgrade", "check");
    HostAnswer missing = access.run(nova.get(0), List.of("nova-status", "upgrade", "check"), HostLog.in(dir));
    assertThat(missing.problem()).isEqualTo(HostAnswer.Problem.NO_CONTAINER);
    assertThat(missing.summary()).isEqualTo("no such container (exit 1): Error response from daemon: No such container: nova_api");
    assertThat(access.places("object-store").none()).contains("Kolla-Ansible deploys no container");
    assertThat(access.places("block-storage").none()).isEqualTo("the inventory " + inventory + " has no host in group cinder-api");
  }

  @Test
  void aShellScriptSurvivesSshThenDockerExecIntact() throws IOException {
    Path inventory = dir.resolve("multinode");
    Files.writeString(inventory, "[control]\nctl1\n[nova-api:children]\ncontrol\n");
    Path ssh = fakeSsh();
    // docker exec CONTAINER CMD...: runs CMD, as the container would
    script("docker", "[ \"$1 $2\" = \"exec nova_api\" ] || exit 9; shift 2; exec \"$@\"");
    HostAccess access = HostAccess.of(settings(Kind.KOLLA_ANSIBLE, ssh + " {host} {command}", Map.of(), inventory, "lxc-attach",
        Duration.ofSeconds(10)));
    HostAnswer a = access.run(access.places("compute").places().get(0),
        List.of("sh", "-c", "v=$(echo \"it's  two spaces\"); printf '%s|%s\\n' \"$v\" '${not expanded}'"), HostLog.in(dir));
    assertThat(a.exitCode()).as(a.errors().toString()).isZero();
    assertThat(a.output()).containsExactly("it's  two spaces|${not expanded}");
  }

  @Test
  void openstackAnsibleAttachesToTheContainerOnItsHostOrSshsToIt() throws IOException {
    Path inventory = dir.resolve("openstack_inventory.json");
    Files.writeString(inventory, """
        {"nova_api_os_compute": {"hosts": ["infra1_nova_api_container-5d8e2b7a"]},
         "keystone": {"hosts": ["infra1"]},
         "_meta": {"hostvars": {
           "infra1_nova_api_container-5d8e2b7a": {"ansible_host": "172.29.239.5", "container_name": "infra1_nova_api_container-5d8e2b7a",
             "physical_host": "infra1", "physical_host_group": "os-infra_hosts", "component": "nova_api_os_compute"},
           "infra1": {"ansible_host": "172.29.236.11", "container_name": "infra1", "physical_host": "infra1", "properties": {"is_metal": true}}}}}
        """);
    HostAccess attach = HostAccess.of(settings(Kind.OPENSTACK_ANSIBLE, null, Map.of(), inventory, "lxc-attach", Duration.ofSeconds(10)));
    Place nova = attach.places("compute").places().get(0);
    assertThat(nova).isEqualTo(new Place("compute", "infra1", "172.29.236.11", "infra1_nova_api_container-5d8e2b7a", false));
    assertThat(attach.argv(nova, List.of("nova-status", "upgrade", "check")))
        .containsExactly("sh", "-c", "ssh 172.29.236.11 'lxc-attach -n infra1_nova_api_container-5d8e2b7a -- nova-status upgrade check'");
    Place keystone = attach.places("identity").places().get(0);
    assertThat(attach.argv(keystone, List.of("keystone-status", "upgrade", "check")))
        .containsExactly("sh", "-c", "ssh 172.29.236.11 'keystone-status upgrade check'");
    HostAccess ssh = HostAccess.of(settings(Kind.OPENSTACK_ANSIBLE, null, Map.of(), inventory, "ssh", Duration.ofSeconds(10)));
    assertThat(ssh.argv(ssh.places("compute").places().get(0), List.of("nova-status", "upgrade", "check")))
        .containsExactly("sh", "-c", "ssh 172.29.239.5 'nova-status upgrade check'");
    assertThat(attach.places("image").none()).contains("has no container in group glance_api");
  }

  @Test
  void anInventoryThatCannotBeReadIsBadInputSaidBeforeAnythingRuns() {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> HostAccess.of(settings(Kind.OPENSTACK_ANSIBLE, null, Map.of(), missing, "lxc-attach", Duration.ofSeconds(1))))
        .isInstanceOf(VigilException.class).hasMessageStartingWith("host_access.inventory " + missing + ": cannot read it");
  }
}
