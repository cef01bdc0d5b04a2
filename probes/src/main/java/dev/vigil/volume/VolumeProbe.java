package dev.vigil.volume;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;

/** Cinder, listed under block-storage or one of its older catalog types. */
public final class VolumeProbe implements ServiceProbe {

  @Override
  public String serviceType() {
    return "block-storage";
  }

  @Override
  public List<String> catalogTypes() {
    return List.of("block-storage", "volumev3", "volumev2", "volume");
  }

  @Override
  public List<ProbeRequest> uptime() {
    return List.of(ProbeRequest.get("list-volumes", "volumes?limit=1"));
  }
}
