package dev.vigil.identity;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.probe.ServiceProbe;
import java.util.List;
import java.util.Set;

/** Keystone. */
public final class IdentityProbe implements ServiceProbe {

  @Override
  public String serviceType() {
    return "identity";
  }

  /** Validating one's own token exercises Keystone, its database or cache, and fernet keys. */
  @Override
  public List<ProbeRequest> uptime() {
    return List.of(
        new ProbeRequest("validate-token", "GET", "auth/tokens", ProbeRequest.TokenUse.AUTH_AND_SUBJECT, Set.of(200)));
  }

  /**
   * No flow: a non-admin user can create nothing in Keystone but application credentials, and a
   * credential left behind by a failed cleanup would be a secret lying around. Token issue and
   * validation are exercised by every other request.
   */
  @Override
  public List<ProbeRequest> load() {
    return List.of(
        new ProbeRequest("validate-token", "GET", "auth/tokens", ProbeRequest.TokenUse.AUTH_AND_SUBJECT, Set.of(200)),
        ProbeRequest.get("list-my-projects", "auth/projects"));
  }
}
