package dev.vigil.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code host_access:} how Vigil runs a read-only command where a service runs: the upgrade checks
 * ({@code nova-status upgrade check}) and the installed versions (docs/host-access.md).
 *
 * @param kind how the hosts are reached [none: Vigil runs nothing on the cloud's hosts]
 * @param template the shell line that reaches a host: for {@code template}, the whole command; for
 *     Kolla-Ansible and OpenStack-Ansible, how to reach a host that is not the local one
 *     [{@code ssh {host} {command}}]. Placeholders: {@code {host} {container} {service} {command}
 *     {args}} (docs/host-access.md)
 * @param hosts for {@code local} and {@code template}: the hosts of each service type, e.g.
 *     {@code identity: [identity-1, identity-2]} [every service on one host, {@code localhost}]
 * @param inventory Kolla-Ansible's inventory file, or OpenStack-Ansible's {@code openstack_inventory.json}
 *     [{@code /etc/openstack_deploy/openstack_inventory.json} for OpenStack-Ansible; none for Kolla]
 * @param engine Kolla-Ansible's container engine, {@code docker} or {@code podman} [docker]
 * @param attach OpenStack-Ansible: {@code lxc-attach} on the container's host, or {@code ssh} to the
 *     container's own address [lxc-attach]
 * @param timeout the bound of each command: one that runs longer is stopped and is an outcome [60s]
 */
public record HostSettings(
    Kind kind, String template, Map<String, List<String>> hosts, Path inventory, String engine, String attach, Duration timeout) {

  public static final String DEFAULT_TEMPLATE = "ssh {host} {command}";
  public static final Path OSA_INVENTORY = Path.of("/etc/openstack_deploy/openstack_inventory.json");

  public HostSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(timeout, "timeout");
    hosts = Map.copyOf(hosts);
    if (kind == Kind.TEMPLATE && template == null) {
      throw new IllegalArgumentException("host_access.kind template needs host_access.template, e.g. 'ssh {host} {command}'");
    }
    if (kind == Kind.KOLLA_ANSIBLE && inventory == null) {
      throw new IllegalArgumentException("host_access.kind kolla-ansible needs host_access.inventory (or --kolla-inventory): the"
          + " inventory that names each service's hosts, e.g. /etc/kolla/multinode");
    }
    if (!List.of("docker", "podman").contains(engine)) {
      throw new IllegalArgumentException("host_access.engine must be docker or podman, not \"" + engine + "\"");
    }
    if (!List.of("lxc-attach", "ssh").contains(attach)) {
      throw new IllegalArgumentException("host_access.attach must be lxc-attach or ssh, not \"" + attach + "\"");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("host_access.timeout must be more than 0");
    }
  }

  public static HostSettings defaults() {
    return new HostSettings(Kind.NONE, null, Map.of(), null, "docker", "lxc-attach", Duration.ofSeconds(60));
  }

  public boolean enabled() {
    return kind != Kind.NONE;
  }

  /** The template that reaches a host (Kolla-Ansible, OpenStack-Ansible), the default when none was set. */
  public String transport() {
    return template == null ? DEFAULT_TEMPLATE : template;
  }

  /** How the hosts are reached. */
  public enum Kind {
    NONE("none"),
    LOCAL("local"),
    TEMPLATE("template"),
    KOLLA_ANSIBLE("kolla-ansible"),
    OPENSTACK_ANSIBLE("openstack-ansible");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The kind named as in vigil.yaml, or null when no kind has that name. */
    public static Kind named(String name) {
      for (Kind k : values()) {
        if (k.label.equals(name.toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      return null;
    }
  }
}
