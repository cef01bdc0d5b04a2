package dev.vigil.resources;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** The kinds of persistent resources, with the name suffix each gets after the run id. */
public enum Kind {
  CONTAINER(Service.OBJECT_STORE, "container"),
  OBJECT(Service.OBJECT_STORE, null),
  IMAGE(Service.IMAGE, "image"),
  NETWORK(Service.NETWORK, "net"),
  SUBNET(Service.NETWORK, "subnet"),
  PORT(Service.NETWORK, "port"),
  SERVER(Service.COMPUTE, "server"),
  VOLUME(Service.VOLUME, "volume"),
  VOLUME_ATTACHMENT(Service.COMPUTE, null);

  /**
   * Dependencies decide the order of removal: a volume is detached before its server goes, the
   * server (which holds the port) before the port, ports before their subnet and network; objects
   * go with their container.
   */
  public static final List<Kind> REMOVAL_ORDER =
      List.of(VOLUME_ATTACHMENT, SERVER, VOLUME, PORT, SUBNET, NETWORK, IMAGE, OBJECT, CONTAINER);

  private final Service service;
  private final String suffix;

  Kind(Service service, String suffix) {
    this.service = service;
    this.suffix = suffix;
  }

  public Service service() {
    return service;
  }

  /** The cloud-side name of this kind of resource for a run ({@code <run id>-server}), for named kinds. */
  public String nameFor(String runId) {
    if (suffix == null) {
      throw new IllegalStateException(this + " has no name of its own");
    }
    return runId + "-" + suffix;
  }

  /** The label in persistent-resources.json and in messages: {@code volume-attachment}. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Kind fromLabel(String label) {
    for (Kind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown resource kind " + label);
  }
}
