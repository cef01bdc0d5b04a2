package dev.vigil.host;

/**
 * Where one part of a service runs, as the deployment names it.
 *
 * @param service the service type, e.g. compute
 * @param host the host as the deployment names it: an inventory name, a lab server, {@code localhost}
 * @param address how to reach the host ({@code ansible_host} when the inventory gives one), or the host
 * @param container the container the part runs in (Kolla-Ansible, OpenStack-Ansible), or null
 * @param local whether the host is this machine: its command runs without the template
 */
public record Place(String service, String host, String address, String container, boolean local) {

  /** {@code compute on ctl1 (container nova_api)}: how a line names it. */
  public String describe() {
    return service + " on " + host + (container == null ? "" : " (container " + container + ")");
  }
}
