package dev.vigil.resources;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.http.Http;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.Token;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;

/**
 * openstack4j 3.12 on Vigil's own token, for the reads, lists and deletes of servers, networks,
 * subnets, ports and volumes, where its typed models fit and no request id is needed.
 *
 * <p>The token is handed over without a second authentication: Keystone's token document
 * ({@link Token#body()}) is read into openstack4j's {@link KeystoneToken} with openstack4j's own
 * Jackson mapper, then given the secret id. openstack4j keeps its session in a thread-local, so a
 * client is bound on the calling thread before every call ({@link #call}); that also picks up a
 * token the identity session renewed meanwhile. Its gets return null on 404 (callers treat null
 * as gone) and it never retries, so calls are retried here while a service restarts.
 */
final class Os4j {

  private final CloudConfig cloud;
  private final Supplier<Token> token;
  private final long patienceNanos;
  private final Config config;
  private volatile String boundTokenId;
  private volatile KeystoneToken converted;

  Os4j(CloudConfig cloud, Supplier<Token> token, java.time.Duration patience) {
    this.cloud = cloud;
    this.token = token;
    this.patienceNanos = patience.toNanos();
    Config c = Config.newConfig().withConnectionTimeout(10_000).withReadTimeout(60_000);
    this.config = cloud.verify() ? c.withSSLContext(Http.sslContext(cloud)) : c.withSSLVerificationDisabled();
  }

  /** openstack4j's client for the current token, bound to the calling thread. */
  OSClientV3 client() {
    Token t = token.get();
    KeystoneToken kt = converted;
    if (kt == null || !t.id().reveal().equals(boundTokenId)) {
      kt = convert(t, KeystoneClient.v3Url(cloud.authUrl()));
      converted = kt;
      boundTokenId = t.id().reveal();
    }
    OSClientV3 client = OSFactory.clientFromToken(kt, facing(cloud.interfaceName()), config);
    return cloud.regionName() == null ? client : client.useRegion(cloud.regionName());
  }

  static KeystoneToken convert(Token t, String keystoneV3Url) {
    try {
      KeystoneToken kt =
          ObjectMapperSingleton.getContext(KeystoneToken.class).readerFor(KeystoneToken.class).withRootName("token").readValue(t.body());
      kt.setId(t.id().reveal());
      kt.setEndpoint(keystoneV3Url);
      return kt;
    } catch (IOException e) {
      throw new VigilException("openstack4j cannot read Keystone's token document (" + e.getMessage() + "): report this with --debug");
    }
  }

  private static Facing facing(String interfaceName) {
    return switch (interfaceName) {
      case "internal" -> Facing.INTERNAL;
      case "admin" -> Facing.ADMIN;
      default -> Facing.PUBLIC;
    };
  }

  /** Runs an openstack4j call, retrying while the service is unreachable or answers 502–504. */
  <T> T call(String what, Function<OSClientV3, T> action) {
    long deadline = System.nanoTime() + patienceNanos;
    long pause = 250;
    while (true) {
      try {
        return action.apply(client());
      } catch (ConnectionException e) {
        if (System.nanoTime() + pause * 1_000_000 > deadline) {
          throw new VigilException(what + ": cannot reach the service (" + e.getMessage() + "); check that it is up");
        }
      } catch (ResponseException e) {
        int s = e.getStatus();
        if (!dev.vigil.http.RetryPolicy.TRANSIENT.contains(s) || System.nanoTime() + pause * 1_000_000 > deadline) {
          throw new VigilException(what + ": HTTP " + s + " " + e.getMessage());
        }
      }
      Rest.sleep(pause);
      pause = Math.min(pause * 2, 2000);
    }
  }

  /**
   * A delete through openstack4j: gone already (404) is fine, anything else but success is an
   * error. Returns false when it was gone already.
   */
  boolean delete(String what, Function<OSClientV3, ActionResponse> action) {
    ActionResponse r = call(what, action);
    if (!r.isSuccess() && r.getCode() != 404) {
      if (dev.vigil.http.RetryPolicy.TRANSIENT.contains(r.getCode())) {
        // openstack4j reports a failed delete in its response instead of throwing: one more try
        ActionResponse again = call(what, c -> {
          Rest.sleep(2000);
          return action.apply(c);
        });
        if (again.isSuccess() || again.getCode() == 404) {
          return again.isSuccess();
        }
        r = again;
      }
      throw new VigilException(what + ": HTTP " + r.getCode() + " " + r.getFault());
    }
    return r.isSuccess();
  }
}
