package dev.vigil.image;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;

/** Glance. Its catalog endpoint carries no version, hence the v2 prefix. */
public final class ImageProbe implements ServiceProbe {

  @Override
  public String serviceType() {
    return "image";
  }

  @Override
  public List<ProbeRequest> uptime() {
    return List.of(ProbeRequest.get("list-images", "v2/images?limit=1"));
  }
}
