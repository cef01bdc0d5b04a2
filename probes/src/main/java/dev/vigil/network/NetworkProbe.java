package dev.vigil.network;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;

/** Neutron. Its catalog endpoint carries no version, hence the v2.0 prefix. */
public final class NetworkProbe implements ServiceProbe {

  @Override
  public String serviceType() {
    return "network";
  }

  @Override
  public List<ProbeRequest> uptime() {
    return List.of(ProbeRequest.get("list-networks", "v2.0/networks?limit=1"));
  }
}
