package dev.vigil.probe;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import java.util.List;
import java.util.Optional;

/**
 * What Vigil knows about probing one OpenStack service. One implementation per service, registered
 * in {@code META-INF/services/dev.vigil.probe.ServiceProbe}: adding a service is one class and one
 * line (requirement 9).
 */
public interface ServiceProbe {

  /** The service type Vigil reports under, e.g. {@code compute}. */
  String serviceType();

  /**
   * Catalog types that name this service, preferred first (Cinder: block-storage, volumev3,
   * volumev2). Defaults to the service type alone.
   */
  default List<String> catalogTypes() {
    return List.of(serviceType());
  }

  /** The uptime requests, sent continuously during a window; read-only and non-admin. */
  List<ProbeRequest> uptime();

  /**
   * The availability flow (create → ready → read back → delete → gone) as data, or empty when a
   * non-admin user cannot safely create anything in this service. Non-admin, and every resource it
   * creates is named from the run id.
   */
  default Optional<FlowSpec> flow(FlowOptions options) {
    return Optional.empty();
  }

  /**
   * The read-only requests of {@code --load}: what a busy non-admin user lists and shows. Defaults
   * to the uptime requests.
   */
  default List<ProbeRequest> load() {
    return uptime();
  }
}
