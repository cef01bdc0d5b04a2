package dev.vigil.volume;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;
import java.util.Optional;

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

  @Override
  public Optional<FlowSpec> flow(FlowOptions options) {
    return Optional.of(VolumeFlow.spec());
  }

  @Override
  public List<ProbeRequest> load() {
    return List.of(ProbeRequest.get("list-volumes-detail", "volumes/detail?limit=20"), ProbeRequest.get("list-volume-types", "types"),
        ProbeRequest.get("show-limits", "limits"));
  }
}
