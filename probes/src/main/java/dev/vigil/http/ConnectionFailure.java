package dev.vigil.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why a request got no HTTP answer, said as it is, and whether waiting can mend it: a name that
 * does not resolve or a TLS mismatch stays so, while a timeout or a dropped connection may clear
 * when a restarting service comes back.
 *
 * @param cause what happened, for the user
 * @param fix what to do, for the user
 * @param mendable whether trying again later may succeed
 * @param refused nothing listened: a closed port, or a service between two processes
 */
public record ConnectionFailure(String cause, String fix, boolean mendable, boolean refused) {

  /** The failure of a request to {@code url} that threw {@code e}. */
  public static ConnectionFailure of(String url, Throwable e) {
    String hostPort = hostPort(url);
    if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
      return new ConnectionFailure("the host name " + host(url) + " does not resolve (DNS)",
          "check the host name in the URL, or the machine's DNS settings", false, false);
    }
    SSLException tls = find(e, SSLException.class);
    if (tls != null) {
      String message = String.valueOf(tls.getMessage());
      if (message.contains("plaintext connection") || message.contains("Unsupported or unrecognized SSL message")) {
        return new ConnectionFailure("TLS mismatch: the URL says https:// but " + hostPort + " answers plain HTTP",
            "write http:// instead of https://", false, false);
      }
      if (message.contains("No subject alternative") || message.contains("No name matching")) {
        return new ConnectionFailure("the TLS certificate of " + hostPort + " does not name " + host(url) + " (" + message + ")",
            "write the host name the certificate names in the URL", false, false);
      }
      if (tls instanceof SSLHandshakeException && (has(e, CertificateException.class) || message.contains("PKIX")
          || message.contains("subject alternative") || message.contains("certificate"))) {
        return new ConnectionFailure("the TLS certificate of " + hostPort + " is not trusted (" + message + ")",
            "set cacert to the cloud's CA bundle in clouds.yaml, or check the host name", false, false);
      }
      return new ConnectionFailure("the TLS handshake with " + hostPort + " failed (" + message + ")",
          "check that " + hostPort + " speaks TLS, or set cacert to the cloud's CA bundle", false, false);
    }
    if (has(e, HttpConnectTimeoutException.class)) {
      return new ConnectionFailure("connecting to " + hostPort + " timed out (no answer at all: a firewall, or the host is down)",
          "check the address and that the host is up", true, false);
    }
    if (has(e, HttpTimeoutException.class)) {
      return new ConnectionFailure("no answer in time from " + hostPort, "check that the service is up and not overloaded",
          true, false);
    }
    if (has(e, NoRouteToHostException.class)) {
      return new ConnectionFailure("no route to " + hostPort, "check the address and the network", true, false);
    }
    if (has(e, ConnectException.class)) {
      return new ConnectionFailure("connection refused by " + hostPort + " (nothing listens on that port)",
          "check the port in the URL and that the service is up", true, true);
    }
    Throwable root = root(e);
    return new ConnectionFailure(
        "the connection to " + hostPort + " failed (" + root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")",
        "check the URL and that the service is up", true, false);
  }

  /** {@code cannot reach URL: cause; fix}, the URL shown without user information. */
  public String describe(String url) {
    return "cannot reach " + Urls.redact(url) + ": " + cause + "; " + fix;
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? Urls.redact(url) : host;
    } catch (IllegalArgumentException e) {
      return Urls.redact(url);
    }
  }

  private static String hostPort(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        return Urls.redact(url);
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return uri.getHost() + ":" + port;
    } catch (IllegalArgumentException e) {
      return Urls.redact(url);
    }
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    return find(e, type) != null;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
