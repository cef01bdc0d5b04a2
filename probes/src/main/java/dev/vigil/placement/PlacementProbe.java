package dev.vigil.placement;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;

/** Placement. */
public final class PlacementProbe implements ServiceProbe {

  @Override
  public String serviceType() {
    return "placement";
  }

  /**
   * Placement's resource APIs are admin-only by default policy; a non-admin user can only read the
   * version document, which still goes through the API process and its middleware.
   */
  @Override
  public List<ProbeRequest> uptime() {
    return List.of(ProbeRequest.get("version-document", ""));
  }

  // No flow and no other load request: placement's resources are admin-only by default policy.
}
