package dev.vigil.image;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;
import java.util.Optional;

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

  @Override
  public Optional<FlowSpec> flow(FlowOptions options) {
    return Optional.of(ImageFlow.spec(options));
  }

  @Override
  public List<ProbeRequest> load() {
    return List.of(ProbeRequest.get("list-images-detail", "v2/images?limit=20"), ProbeRequest.get("show-image-schema", "v2/schemas/image"));
  }
}
