package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JDK client's failures as they arrive (the chains below are the ones JDK 17 throws), each said
 * as it is and sorted into what waiting can mend and what it cannot.
 */
class ConnectionFailureTest {

  private static IOException chain(String kind) {
    return switch (kind) {
      case "dns" -> (IOException) new ConnectException().initCause(new ConnectException().initCause(new UnresolvedAddressException()));
      case "refused" -> (IOException) new ConnectException().initCause(new ClosedChannelException());
      case "connect-timeout" -> new HttpConnectTimeoutException("HTTP connect timed out");
      case "timeout" -> new HttpTimeoutException("request timed out");
      case "plaintext" -> new SSLException("Unrecognized SSL message, plaintext connection?");
      case "untrusted" -> (IOException) new SSLHandshakeException("PKIX path building failed: unable to find valid certification path")
          .initCause(new CertificateException("PKIX path building failed"));
      case "name" -> (IOException) new SSLHandshakeException("No subject alternative names matching IP address 127.0.0.1 found")
          .initCause(new CertificateException("No subject alternative names matching IP address 127.0.0.1 found"));
      default -> new IOException("HTTP/1.1 header parser received no bytes");
    };
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      dns             | http://nowhere.invalid:5000/v3 | false | the host name nowhere.invalid does not resolve (DNS); check the host name in the URL
      refused         | http://h:9/v3                  | true  | connection refused by h:9 (nothing listens on that port); check the port in the URL
      connect-timeout | https://h/v3                   | true  | connecting to h:443 timed out
      timeout         | http://h:5000/v3               | true  | no answer in time from h:5000
      plaintext       | https://h:5000/v3              | false | TLS mismatch: the URL says https:// but h:5000 answers plain HTTP; write http:// instead of https://
      untrusted       | https://h:5000/v3              | false | the TLS certificate of h:5000 is not trusted (PKIX path building failed: unable to find valid certification path); set cacert
      name            | https://127.0.0.1:5000/v3      | false | the TLS certificate of 127.0.0.1:5000 does not name 127.0.0.1 (No subject alternative names matching IP address 127.0.0.1 found)
      other           | http://h:5000/v3               | true  | the connection to h:5000 failed (IOException: HTTP/1.1 header parser received no bytes)
      """)
  void eachCauseAsItIs(String kind, String url, boolean mendable, String message) {
    ConnectionFailure failure = ConnectionFailure.of(url, chain(kind));

    assertThat(failure.describe(url)).startsWith("cannot reach " + url + ": " + message).doesNotContain("\n");
    assertThat(failure.mendable()).isEqualTo(mendable);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      http://admin:Hunter2@h:5000/v3 | http://***@h:5000/v3
      admin:Hunter2@h:5000/v3        | ***@h:5000/v3
      http://h:5000/v3?x=a@b         | http://h:5000/v3?x=a@b
      http://h:5000/v3               | http://h:5000/v3
      """)
  void urlsAreShownWithoutTheirCredentials(String url, String shown) {
    assertThat(ConnectionFailure.of(url, chain("refused")).describe(url)).startsWith("cannot reach " + shown + ": ")
        .doesNotContain("Hunter2");
    assertThat(Urls.redact(url)).isEqualTo(shown);
  }
}
