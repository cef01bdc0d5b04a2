package dev.vigil.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ErrorKindTest {

  @Test
  void statusDecidesWhenThereIsAnAnswer() {
    assertThat(ErrorKind.ofStatus(200, true)).isEqualTo(ErrorKind.NONE);
    assertThat(ErrorKind.ofStatus(204, true)).isEqualTo(ErrorKind.NONE);
    assertThat(ErrorKind.ofStatus(300, true)).isEqualTo(ErrorKind.NONE);
    assertThat(ErrorKind.ofStatus(404, true)).isEqualTo(ErrorKind.HTTP_4XX);
    assertThat(ErrorKind.ofStatus(401, true)).isEqualTo(ErrorKind.UNAUTHORIZED);
    assertThat(ErrorKind.ofStatus(401, false)).isEqualTo(ErrorKind.HTTP_4XX);
    assertThat(ErrorKind.ofStatus(503, true)).isEqualTo(ErrorKind.HTTP_5XX);
    assertThat(ErrorKind.ofStatus(100, true)).isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.classify(503, new IOException("whatever"), true)).isEqualTo(ErrorKind.HTTP_5XX);
    assertThat(ErrorKind.classify(200, "jsonPath(id).exists, found nothing", true)).isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.classify(200, (String) null, true)).isEqualTo(ErrorKind.NONE);
  }

  @Test
  void exceptionsWithoutAnAnswer() {
    assertThat(ErrorKind.classify(0, new ConnectException("Connection refused"), true)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, new SocketException("Connection reset"), true)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, new IOException("Premature close"), true)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, new HttpTimeoutException("request timed out"), true)).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(ErrorKind.classify(0, new HttpConnectTimeoutException("HTTP connect timed out"), true))
        .isEqualTo(ErrorKind.TIMEOUT);
    assertThat(ErrorKind.classify(0, new CompletionException(new SocketTimeoutException("Read timed out")), true))
        .isEqualTo(ErrorKind.TIMEOUT);
    assertThat(ErrorKind.classify(0, new SSLHandshakeException("PKIX path building failed"), true))
        .isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.classify(0, new SSLHandshakeException("Remote host terminated the handshake"), true))
        .isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, new IllegalStateException("bug"), true)).isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.classify(0, (Throwable) null, true)).isEqualTo(ErrorKind.OTHER);
  }

  @Test
  void gatlingFailureMessages() {
    assertThat(ErrorKind.classify(0, "j.n.ConnectException: Connection refused", true)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, "i.n.c.ConnectTimeoutException: connection timed out after 10000 ms: /10.0.0.5:5000",
        true)).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(ErrorKind.classify(0, "Request timeout to 10.0.0.5/10.0.0.5:5000 after 60000 ms", true))
        .isEqualTo(ErrorKind.TIMEOUT);
    assertThat(ErrorKind.classify(0, "j.i.IOException: Premature close", true)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, "i.n.c.u.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer",
        true)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, "j.n.s.SSLHandshakeException: PKIX path building failed", true))
        .isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.classify(502, "status.find.in(200), but actually found 502", true)).isEqualTo(ErrorKind.HTTP_5XX);
  }

  @Test
  void theUptimeRule() {
    assertThat(ErrorKind.values()).filteredOn(ErrorKind::countsAsOutage)
        .containsExactlyInAnyOrder(ErrorKind.CONNECT, ErrorKind.TIMEOUT, ErrorKind.HTTP_5XX, ErrorKind.UNAUTHORIZED);
    RequestRecord r = RequestRecord.of(1, 2, "compute", "list-servers", "GET", Traffic.PROBE, Connection.NEW, 401, null,
        true, "req-1");
    assertThat(r.error()).isEqualTo(ErrorKind.UNAUTHORIZED);
    assertThat(r.ok()).isFalse();
    assertThat(r.isProbeFailure()).isTrue();
    assertThat(RequestRecord.of(1, 2, "compute", "list-servers", "GET", Traffic.PROBE, Connection.NEW, 401, null,
        false, "req-1").isProbeFailure()).isFalse();
  }

  @Test
  void gatlingsFailureTextClassifiesAsTheJdkClientsExceptionsDo() {
    // the same failures, as Gatling logs them and as the JDK client throws them
    assertThat(ErrorKind.classify(0, "j.n.ConnectException: Connection refused", true, 3, 10_000))
        .isEqualTo(ErrorKind.classify(0, new java.net.ConnectException("Connection refused"), true)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(0, "j.s.c.CertificateException: No subject alternative names matching IP address 127.0.0.1 found", true, 40,
        10_000)).isEqualTo(ErrorKind.classify(0, new javax.net.ssl.SSLHandshakeException(
            "No subject alternative names matching IP address 127.0.0.1 found (certificate)"), true)).isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.classify(0, "i.g.h.c.i.RequestTimeoutException: Request timeout to 127.0.0.1/127.0.0.1:5000 after 10000 ms", true,
        10_001, 10_000)).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(ErrorKind.classify(0, "j.n.UnknownHostException: keystone.invalid", true, 5, 10_000))
        .isEqualTo(ErrorKind.classify(0, new java.net.UnknownHostException("keystone.invalid"), true)).isEqualTo(ErrorKind.CONNECT);
  }

  @Test
  void withoutAnyFailureTextTheDurationTellsATimeoutFromARefusal() {
    assertThat(ErrorKind.classify(0, null, true, 9_960, 10_000)).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(ErrorKind.classify(0, "", true, 12, 10_000)).isEqualTo(ErrorKind.CONNECT);
    assertThat(ErrorKind.classify(503, null, true, 12, 10_000)).isEqualTo(ErrorKind.HTTP_5XX);
  }

  @Test
  void serviceFailuresAreTheUptimeKindsAnd408And429NotTheClientsOwnDoing() {
    assertThat(ErrorKind.HTTP_5XX.isServiceFailure(503)).isTrue();
    assertThat(ErrorKind.CONNECT.isServiceFailure(0)).isTrue();
    assertThat(ErrorKind.UNAUTHORIZED.isServiceFailure(401)).isTrue();
    assertThat(ErrorKind.HTTP_4XX.isServiceFailure(429)).isTrue();
    assertThat(ErrorKind.HTTP_4XX.isServiceFailure(408)).isTrue();
    assertThat(ErrorKind.HTTP_4XX.isServiceFailure(404)).isFalse();
    assertThat(ErrorKind.HTTP_4XX.isServiceFailure(409)).isFalse();
    assertThat(ErrorKind.OTHER.isServiceFailure(200)).isFalse();
    assertThat(ErrorKind.HELD_BACK.isServiceFailure(0)).isFalse();
    assertThat(ErrorKind.HELD_BACK.countsAsOutage()).isFalse();
  }
}
