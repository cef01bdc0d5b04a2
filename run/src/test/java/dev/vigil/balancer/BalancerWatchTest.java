package dev.vigil.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.VigilException;
import dev.vigil.recording.BalancerState;
import dev.vigil.recording.EventKind;
import dev.vigil.recording.EventRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalancerWatchTest {

  @TempDir Path dir;

  private static final String HEAD = "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight\n";

  /** CSV as HAProxy 2.6's 'show stat' writes it (the lab's), with a frontend, the servers and the backend's sum. */
  private static String stat(String identity1, String identity2) {
    return HEAD
        + "identity-fe,FRONTEND,,,0,7,4096,501,0,0,0,0,0,,,,,OPEN,\n"
        + "identity,identity-1,0,0,0,3,,432,0,0,,0,,0,1,0,0," + identity1 + ",1\n"
        + "identity,identity-2,0,0,0,3,,432,0,0,,0,,0,1,0,0," + identity2 + ",1\n"
        + "identity,BACKEND,0,0,0,3,,432,0,0,,0,,0,1,0,0,UP,2\n"
        + "nova_api_metadata-back,ctl1_nova_api_container-1,0,0,0,3,,0,0,0,,0,,0,0,0,0,UP,1\n"
        + "\n";
  }

  @Test
  void eachServersFirstStateAndEachChangeIsAnEventForItsService() throws Exception {
    AtomicReference<String> answer = new AtomicReference<>(stat("UP", "UP"));
    Path socket = fakeSocket(answer);
    List<EventRecord> events = new ArrayList<>();
    AtomicLong now = new AtomicLong(1000);
    List<String> said = new ArrayList<>();
    BalancerWatch w = new BalancerWatch(HaproxyStats.of(socket.toString(), Duration.ofSeconds(2)), events::add, said::add, now::get);

    w.read();
    now.set(2000);
    answer.set(stat("UP", "DRAIN"));
    w.read();
    now.set(3000);
    w.read();
    now.set(4000);
    answer.set(stat("UP", "MAINT"));
    w.read();
    now.set(5000);
    answer.set(stat("UP", "DOWN 1/2"));
    w.read();

    assertThat(events).containsExactly(
        new EventRecord(1000, EventKind.BALANCER, "identity", "identity/identity-1 UP"),
        new EventRecord(1000, EventKind.BALANCER, "identity", "identity/identity-2 UP"),
        new EventRecord(1000, EventKind.BALANCER, null, "nova_api_metadata-back/ctl1_nova_api_container-1 UP"),
        new EventRecord(2000, EventKind.BALANCER, "identity", "identity/identity-2 DRAIN"),
        new EventRecord(4000, EventKind.BALANCER, "identity", "identity/identity-2 MAINT"),
        new EventRecord(5000, EventKind.BALANCER, "identity", "identity/identity-2 DOWN 1/2"));
    assertThat(BalancerState.of(events.get(5))).get().isEqualTo(new BalancerState("identity", "identity-2", "DOWN 1/2"))
        .extracting(BalancerState::word).isEqualTo("DOWN");
    assertThat(w.readings()).isEqualTo(5);
    assertThat(said).isEmpty();
  }

  @Test
  void aBalancerThatCannotBeReadIsSaidOnceAndAgainWhenItAnswers() throws Exception {
    Path missing = dir.resolve("no.sock");
    List<EventRecord> events = new ArrayList<>();
    List<String> said = new ArrayList<>();
    AtomicReference<HaproxyStats> source = new AtomicReference<>(HaproxyStats.of(missing.toString(), Duration.ofSeconds(1)));
    HaproxyStats switching = new HaproxyStats() {
      @Override
      public List<BalancerState> servers() {
        return source.get().servers();
      }

      @Override
      public String describe() {
        return source.get().describe();
      }
    };
    BalancerWatch w = new BalancerWatch(switching, events::add, said::add, () -> 7);
    w.read();
    w.read();
    assertThat(said).singleElement().asString().startsWith("vigil: WARNING: cannot read HAProxy's runtime socket " + missing)
        .contains("give the path of haproxy.cfg's 'stats socket'").doesNotContain("\n");
    assertThat(events).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.NOTE));

    source.set(HaproxyStats.of(fakeSocket(new AtomicReference<>(stat("UP", "UP"))).toString(), Duration.ofSeconds(1)));
    w.read();
    assertThat(said).hasSize(2).last().asString().endsWith("answers again");
    assertThat(events).filteredOn(e -> e.kind() == EventKind.BALANCER).hasSize(3);
  }

  @Test
  void theStatsPageIsReadAsCsvWithTheUrlsCredentialsWhichAreNeverShown() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> seen = new ArrayList<>();
    server.createContext("/", x -> {
      seen.add(x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Authorization"));
      boolean ok = "Basic YWRtaW46czNjcjN0".equals(x.getRequestHeaders().getFirst("Authorization"));
      byte[] body = (ok ? stat("UP", "MAINT") : "401").getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(ok ? 200 : 401, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.start();
    try {
      String base = "127.0.0.1:" + server.getAddress().getPort() + "/";
      HaproxyStats page = HaproxyStats.of("http://admin:s3cr3t@" + base, Duration.ofSeconds(2));
      assertThat(page.servers()).extracting(BalancerState::state).containsExactly("UP", "MAINT", "UP");
      assertThat(seen).containsExactly("/;csv Basic YWRtaW46czNjcjN0");
      assertThat(page.describe()).isEqualTo("HAProxy stats page http://***@" + base).doesNotContain("s3cr3t");

      HaproxyStats wrong = HaproxyStats.of("http://admin:wrong@" + base, Duration.ofSeconds(2));
      assertThatThrownBy(wrong::servers).isInstanceOf(VigilException.class).hasMessageContaining("refused the credentials (401)")
          .hasMessageNotContaining("wrong");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anAnswerThatIsNotHaproxysCsvIsOneLine() throws Exception {
    Path socket = fakeSocket(new AtomicReference<>("Unknown command. Please enter one of the following commands only :\n  help\n"));
    assertThatThrownBy(() -> HaproxyStats.of(socket.toString(), Duration.ofSeconds(2)).servers()).isInstanceOf(VigilException.class)
        .hasMessage("HAProxy's socket " + socket + " answered 'show stat' with no '# pxname,svname,…,status' header: not HAProxy's CSV statistics");
  }

  @Test
  void aSocketThatNeverAnswersIsOneLineAfterTheTimeout() throws Exception {
    // a wedged HAProxy (or a socket of something else) that takes the connection and says nothing: the watch
    // thread must not wait for it forever
    Path path = dir.resolve("silent.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
      long start = System.nanoTime();
      assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> HaproxyStats.of(path.toString(), Duration.ofMillis(300)).servers())).isInstanceOf(VigilException.class)
          .hasMessage("HAProxy's socket " + path + " did not finish its answer in 300 ms");
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }
  }

  @Test
  void backendsAreMappedToServicesAsTheDeploymentToolsNameThem() {
    // the lab, OpenStack-Ansible (haproxy_service_name + "-back"), Kolla-Ansible (service_name + "_back")
    assertThat(BackendServices.of("identity")).isEqualTo("identity");
    assertThat(BackendServices.of("keystone_service-back")).isEqualTo("identity");
    assertThat(BackendServices.of("keystone_internal_back")).isEqualTo("identity");
    assertThat(BackendServices.of("nova_api_os_compute-back")).isEqualTo("compute");
    assertThat(BackendServices.of("nova_api_back")).isEqualTo("compute");
    assertThat(BackendServices.of("nova_api_metadata-back")).isNull();
    assertThat(BackendServices.of("nova_metadata_back")).isNull();
    assertThat(BackendServices.of("nova_novnc_console-back")).isNull();
    assertThat(BackendServices.of("placement-back")).isEqualTo("placement");
    assertThat(BackendServices.of("placement_api_back")).isEqualTo("placement");
    assertThat(BackendServices.of("glance_api-back")).isEqualTo("image");
    assertThat(BackendServices.of("cinder_api_external_back")).isEqualTo("block-storage");
    assertThat(BackendServices.of("neutron_server-back")).isEqualTo("network");
    assertThat(BackendServices.of("swift_proxy-back")).isEqualTo("object-store");
    assertThat(BackendServices.of("galera-back")).isNull();
  }

  /** A runtime socket that answers each connection's 'show stat' with {@code answer}, then closes, as HAProxy does. */
  private Path fakeSocket(AtomicReference<String> answer) throws IOException {
    Path path = dir.resolve("haproxy-" + System.nanoTime() + ".sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    Thread t = new Thread(() -> {
      while (true) {
        try (SocketChannel c = server.accept()) {
          ByteBuffer in = ByteBuffer.allocate(256);
          StringBuilder command = new StringBuilder();
          while (command.indexOf("\n") < 0 && c.read(in) >= 0) {
            in.flip();
            command.append(StandardCharsets.US_ASCII.decode(in));
            in.clear();
          }
          String reply = command.toString().equals("show stat\n") ? answer.get() : "Unknown command.\n";
          c.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
          return;
        }
      }
    }, "fake-haproxy");
    t.setDaemon(true);
    t.start();
    return path;
  }
}
