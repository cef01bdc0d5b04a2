package dev.vigil.objectstore;

import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowSpec;
import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Swift: a HEAD of the project's account reaches the proxy and the account server. */
public final class ObjectStoreProbe implements ServiceProbe {

  @Override
  public String serviceType() {
    return "object-store";
  }

  @Override
  public List<ProbeRequest> uptime() {
    return List.of(
        new ProbeRequest("head-account", "HEAD", "", ProbeRequest.TokenUse.AUTH, Set.of(200, 204)));
  }

  @Override
  public Optional<FlowSpec> flow(FlowOptions options) {
    return Optional.of(ObjectStoreFlow.spec(options));
  }

  @Override
  public List<ProbeRequest> load() {
    return List.of(
        new ProbeRequest("list-containers", "GET", "?format=json&limit=20", ProbeRequest.TokenUse.AUTH, Set.of(200, 204)),
        new ProbeRequest("head-account", "HEAD", "", ProbeRequest.TokenUse.AUTH, Set.of(200, 204)));
  }
}
