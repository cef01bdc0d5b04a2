package dev.vigil.simulations;

import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.http.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Makes Gatling verify TLS as openstacksdk does. Gatling trusts every certificate unless given a
 * trust store, so Vigil always gives it one: the cloud's cacert, or the JDK's CAs. The store holds
 * only public certificates; its password protects nothing and is not a secret.
 */
public final class GatlingTls {

  static final String STORE_FILE = "truststore.p12";
  private static final String STORE_PASSWORD = "public-certificates-only";

  private GatlingTls() {}

  /** The -D options for the Gatling JVM, writing the trust store into the run folder. */
  public static List<String> options(CloudConfig cloud, Path runDir) {
    if (!cloud.verify()) {
      return List.of("-Dgatling.http.enableHostnameVerification=false");
    }
    Path store = runDir.resolve(STORE_FILE);
    try {
      X509Certificate[] issuers = trustedIssuers(cloud);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < issuers.length; i++) {
        ks.setCertificateEntry("ca-" + i, issuers[i]);
      }
      try (OutputStream out = Files.newOutputStream(store)) {
        ks.store(out, STORE_PASSWORD.toCharArray());
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new VigilException("cannot write the TLS trust store " + store + ": " + e.getMessage());
    }
    return List.of(
        "-Dgatling.http.enableHostnameVerification=true",
        "-Dgatling.ssl.trustStore.type=PKCS12",
        "-Dgatling.ssl.trustStore.file=" + store.toAbsolutePath(),
        "-Dgatling.ssl.trustStore.password=" + STORE_PASSWORD);
  }

  private static X509Certificate[] trustedIssuers(CloudConfig cloud) throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (cloud.cacert() == null) {
      tmf.init((KeyStore) null); // the JDK's CAs
    } else {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try {
        ks.load(null, null);
      } catch (IOException e) {
        throw new GeneralSecurityException(e);
      }
      int i = 0;
      for (var cert : Http.certificates(cloud.cacert())) {
        ks.setCertificateEntry("ca-" + i++, cert);
      }
      tmf.init(ks);
    }
    for (var tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509.getAcceptedIssuers();
      }
    }
    return new X509Certificate[0];
  }
}
