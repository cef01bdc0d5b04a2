package dev.vigil.simulations;

import dev.vigil.probe.ProbeRequest;
import dev.vigil.recording.Connection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * TCP data-plane probes: a connection attempt every period, each on a pool thread so a hanging
 * connect never delays the next sample, bounded like the HTTP probes by the window's {@link
 * ProbeGate}. Gatling has no plain TCP protocol, so this runs beside it, in the same JVM, recording
 * into the same recorder.
 */
final class TcpProber implements AutoCloseable {

  /** Receives each attempt: start and end (epoch ms), and the failure, or null when it connected. */
  interface Sink {
    void attempt(DataPlaneTarget target, long startMs, long endMs, String failure);
  }

  private final ScheduledExecutorService ticks;
  private final ExecutorService connects;

  /** How a TCP attempt is named in the records, and to the gate. */
  static final ProbeRequest CONNECT = new ProbeRequest("tcp-connect", "TCP", "", ProbeRequest.TokenUse.NONE, Set.of());

  TcpProber(List<DataPlaneTarget> targets, double perSecond, Duration timeout, ProbeGate gate, Sink sink) {
    this.ticks = Executors.newSingleThreadScheduledExecutor(daemon("vigil-tcp-ticks"));
    this.connects = Executors.newCachedThreadPool(daemon("vigil-tcp-connect"));
    long periodNanos = (long) (1e9 / perSecond);
    for (int i = 0; i < targets.size(); i++) {
      DataPlaneTarget target = targets.get(i);
      ticks.scheduleAtFixedRate(() -> {
        if (gate.tryStart(target.service(), CONNECT, Connection.NEW, System.currentTimeMillis())) {
          connects.execute(() -> {
            try {
              probe(target, timeout, sink);
            } finally {
              gate.finish(target.service(), Connection.NEW);
            }
          });
        }
      }, periodNanos * i / targets.size(), periodNanos, TimeUnit.NANOSECONDS);
    }
  }

  private static void probe(DataPlaneTarget target, Duration timeout, Sink sink) {
    long start = System.currentTimeMillis();
    String failure = null;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
    } catch (SocketTimeoutException e) {
      failure = "timeout";
    } catch (IOException e) {
      failure = "connect: " + e.getMessage();
    }
    sink.attempt(target, start, System.currentTimeMillis(), failure);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    connects.shutdownNow();
  }
}
