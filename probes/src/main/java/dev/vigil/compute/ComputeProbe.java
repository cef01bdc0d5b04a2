package dev.vigil.compute;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;
import java.util.Optional;

/** Nova: listing the project's servers reaches nova-api, its database and the cell mapping. */
public final class ComputeProbe implements ServiceProbe {

  @Override
  public String serviceType() {
    return "compute";
  }

  @Override
  public List<ProbeRequest> uptime() {
    return List.of(ProbeRequest.get("list-servers", "servers?limit=1"));
  }

  @Override
  public Optional<FlowSpec> flow(FlowOptions options) {
    return Optional.of(ComputeFlow.spec(options));
  }

  @Override
  public List<ProbeRequest> load() {
    return List.of(ProbeRequest.get("list-servers-detail", "servers/detail?limit=20"), ProbeRequest.get("list-flavors-detail", "flavors/detail"),
        ProbeRequest.get("show-limits", "limits"));
  }
}
