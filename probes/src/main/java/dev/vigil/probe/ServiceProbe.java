package dev.vigil.probe;

import java.util.List;

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
}
