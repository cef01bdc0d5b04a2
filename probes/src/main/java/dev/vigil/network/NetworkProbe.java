package dev.vigil.network;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;
import java.util.Optional;

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

  @Override
  public Optional<FlowSpec> flow(FlowOptions options) {
    return Optional.of(NetworkFlow.spec());
  }

  @Override
  public List<ProbeRequest> load() {
    return List.of(ProbeRequest.get("list-networks", "v2.0/networks?limit=20"), ProbeRequest.get("list-ports", "v2.0/ports?limit=20"),
        ProbeRequest.get("list-security-groups", "v2.0/security-groups?limit=20"));
  }
}
