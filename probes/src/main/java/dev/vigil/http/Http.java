package dev.vigil.http;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one place that builds HTTP clients for talking to a cloud, so every part of Vigil verifies
 * TLS the same way openstacksdk does: the system's CAs, or the cloud's {@code cacert}, with hostname
 * verification; only {@code verify: false} turns checking off.
 */
public final class Http {

  private Http() {}

  public static HttpClient client(CloudConfig cloud, Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(sslContext(cloud))
        .build();
  }

  /**
   * A client for a server outside the cloud (InfluxDB, say): the system's CAs with hostname
   * verification, no redirects.
   */
  public static HttpClient client(Duration connectTimeout) {
    try {
      return HttpClient.newBuilder()
          .connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .sslContext(SSLContext.getDefault())
          .build();
    } catch (GeneralSecurityException e) {
      throw new VigilException("cannot set up TLS: " + e.getMessage());
    }
  }

  public static SSLContext sslContext(CloudConfig cloud) {
    try {
      if (!cloud.verify()) {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        return ctx;
      }
      if (cloud.cacert() == null) {
        return SSLContext.getDefault();
      }
      return trusting(cloud.cacert());
    } catch (GeneralSecurityException e) {
      throw new VigilException("cannot set up TLS: " + e.getMessage());
    }
  }

  /** An SSL context that trusts exactly the certificates of a PEM bundle. */
  public static SSLContext trusting(Path pemBundle) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    int i = 0;
    for (Certificate cert : certificates(pemBundle)) {
      store.setCertificateEntry("ca-" + i++, cert);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
    return ctx;
  }

  /** The certificates of a PEM bundle (a cloud's cacert), with errors the user can act on. */
  public static List<Certificate> certificates(Path pemBundle) {
    try (InputStream in = Files.newInputStream(pemBundle)) {
      List<Certificate> certs = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certs.isEmpty()) {
        throw new VigilException("cacert " + pemBundle + " holds no PEM certificate: point cacert at the CA bundle");
      }
      return certs;
    } catch (NoSuchFileException e) {
      throw new VigilException("cacert " + pemBundle + " does not exist: fix cacert in clouds.yaml");
    } catch (IOException | GeneralSecurityException e) {
      throw new VigilException("cannot read cacert " + pemBundle + " (" + e.getMessage() + "): point cacert at a PEM CA bundle");
    }
  }

  /**
   * Turns a transport failure into one line that names the URL (without user information), the
   * cause as it is (name not resolved, refused, timed out, TLS mismatch...) and the fix.
   */
  public static VigilException unreachable(String url, Throwable e) {
    return new VigilException(ConnectionFailure.of(url, e).describe(url));
  }

  /**
   * Trusts any certificate for any name, for {@code verify: false} only. It is an {@link
   * X509ExtendedTrustManager} because JSSE then leaves the hostname check to it (and it does none);
   * a plain X509TrustManager would be wrapped with a hostname check, and the JDK client's only other
   * switch is a JVM-wide property that would weaken every other cloud's clients too.
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
