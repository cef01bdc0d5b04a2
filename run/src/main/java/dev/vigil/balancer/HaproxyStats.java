package dev.vigil.balancer;

import dev.vigil.VigilException;
import dev.vigil.http.ApiAnswer;
import dev.vigil.http.ApiClient;
import dev.vigil.http.ApiRequest;
import dev.vigil.http.ApiUnreachable;
import dev.vigil.http.Http;
import dev.vigil.http.RetryPolicy;
import dev.vigil.http.Urls;
import dev.vigil.recording.BalancerState;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Where HAProxy tells its servers' states: its runtime socket (a path, as {@code stats socket} in
 * haproxy.cfg: Kolla-Ansible's {@code /var/lib/kolla/haproxy/haproxy.sock}, OpenStack-Ansible's
 * {@code /var/run/haproxy.stat}) or its stats page ({@code http(s)://[user:password@]host:port/},
 * Kolla-Ansible's port 1984, OpenStack-Ansible's 1936), read as CSV. Reading is all it does: it
 * sends {@code show stat}, never a command that changes a server.
 */
public interface HaproxyStats {

  /** Every server's state now; one line naming the source and the fix when it cannot be read. */
  List<BalancerState> servers();

  /** The source as it may be printed: a URL without its credentials. */
  String describe();

  /** A socket path or a stats page URL, as given in {@code balancer.haproxy} or {@code --haproxy}. */
  static HaproxyStats of(String where, Duration timeout) {
    String w = where.strip();
    if (w.startsWith("http://") || w.startsWith("https://")) {
      return new Page(URI.create(w), timeout);
    }
    return new Socket(Path.of(w.startsWith("unix:") ? w.substring(5) : w), timeout);
  }

  /** The runtime socket: one {@code show stat} per connection, as the non-interactive mode takes it. */
  record Socket(Path path, Duration timeout) implements HaproxyStats {

    @Override
    public List<BalancerState> servers() {
      try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
        channel.connect(UnixDomainSocketAddress.of(path));
        channel.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
        // HAProxy answers and closes the connection: read to the end. A blocking read has no timeout
        // of its own, and a wedged socket would hold the watch's thread for good; the selector bounds it.
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
        StringBuilder text = new StringBuilder(16384);
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
          long leftMs = (deadline - System.nanoTime()) / 1_000_000;
          if (leftMs <= 0) {
            throw new VigilException("HAProxy's socket " + path + " did not finish its answer in " + timeout.toMillis() + " ms");
          }
          selector.select(leftMs);
          selector.selectedKeys().clear();
          int n = channel.read(buffer);
          if (n < 0) {
            break;
          }
          buffer.flip();
          text.append(StandardCharsets.UTF_8.decode(buffer));
          buffer.clear();
        }
        return parse(text.toString());
      } catch (IOException e) {
        throw new VigilException("cannot read HAProxy's runtime socket " + path + " (" + e.getMessage()
            + "): give the path of haproxy.cfg's 'stats socket', readable by this user");
      }
    }

    @Override
    public String describe() {
      return "HAProxy socket " + path;
    }

    private List<BalancerState> parse(String text) {
      try {
        return StatsCsv.servers(text);
      } catch (IllegalArgumentException e) {
        throw new VigilException("HAProxy's socket " + path + " answered 'show stat' with " + e.getMessage());
      }
    }
  }

  /** The stats page, as CSV ({@code ;csv}), with basic authentication from the URL's user info. */
  final class Page implements HaproxyStats {

    private final String url;
    private final String shown;
    private final Map<String, String> headers;
    private final ApiClient client;

    Page(URI uri, Duration timeout) {
      String userInfo = uri.getRawUserInfo();
      String noAuth = userInfo == null ? uri.toString() : uri.toString().replace(userInfo + "@", "");
      this.url = noAuth.endsWith(";csv") ? noAuth : noAuth + ";csv";
      this.shown = Urls.redact(uri.toString());
      this.headers = userInfo == null ? Map.of()
          : Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
      this.client = new ApiClient(Http.client(timeout), () -> null, timeout);
    }

    @Override
    public List<BalancerState> servers() {
      ApiRequest request = ApiRequest.of("GET", url, null, headers).anonymous();
      try {
        ApiAnswer answer = client.send(request, RetryPolicy.ONCE);
        if (answer.status() == 401) {
          throw new VigilException("HAProxy's stats page " + shown + " refused the credentials (401): give them as https://USER:PASSWORD@HOST:PORT/"
              + " (Kolla-Ansible: haproxy_user and haproxy_password; OpenStack-Ansible: haproxy_stats_user and haproxy_stats_password)");
        }
        if (answer.status() != 200) {
          throw new VigilException("HAProxy's stats page " + shown + " answered " + answer.status() + ": give the URL of 'stats uri'");
        }
        return StatsCsv.servers(new String(answer.body(), StandardCharsets.UTF_8));
      } catch (ApiUnreachable e) {
        throw new VigilException("cannot reach HAProxy's stats page: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new VigilException("HAProxy's stats page " + shown + " answered with " + e.getMessage());
      }
    }

    @Override
    public String describe() {
      return "HAProxy stats page " + shown;
    }
  }
}
