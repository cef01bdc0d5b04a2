package dev.vigil.compute;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;

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
}
