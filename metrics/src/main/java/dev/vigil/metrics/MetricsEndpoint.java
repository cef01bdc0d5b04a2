package dev.vigil.metrics;

import dev.vigil.VigilException;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code /metrics} while a window runs (OpenMetrics, or Prometheus' text format to a client that
 * asks for it), served from the CLI's JVM and fed from the run folder by a thread of its own, so
 * neither the probes nor the Gatling JVM ever wait on a scrape.
 */
public final class MetricsEndpoint implements AutoCloseable {

  private static final long POLL_MS = 250;

  private final HTTPServer server;
  private final RunMetrics metrics;
  private final RunFolderFeed feed;
  private final Thread follower;
  private final Duration linger;
  private final Consumer<String> say;
  private volatile boolean stopping;
  private volatile boolean broken;

  private MetricsEndpoint(HTTPServer server, RunMetrics metrics, RunFolderFeed feed, Duration linger, Consumer<String> say) {
    this.say = say;
    this.server = server;
    this.metrics = metrics;
    this.feed = feed;
    this.linger = linger;
    this.follower = new Thread(this::follow, "vigil-metrics");
    follower.setDaemon(true);
  }

  /**
   * @param listen {@code HOST:PORT}
   * @param outageLatenessMs how long the outage rule waits for a slow probe (as the InfluxDB sink's)
   * @param linger how long {@link #close()} keeps serving after the window, for the last scrape
   * @throws VigilException one line naming the address and the fix when it cannot be served
   */
  public static MetricsEndpoint start(Path runDir, String runId, String cloud, String listen, long outageLatenessMs, Duration linger,
      Consumer<String> say) {
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon).replaceAll("^\\[|\\]$", "");
    int port = Integer.parseInt(listen.substring(colon + 1));
    PrometheusRegistry registry = new PrometheusRegistry();
    RunMetrics metrics = new RunMetrics(registry, runId, cloud, outageLatenessMs);
    HTTPServer server;
    try {
      server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    } catch (BindException e) {
      throw new VigilException("cannot serve /metrics on " + listen + ": the address is in use or not this host's; choose another"
          + " --metrics-listen (metrics.listen), e.g. 127.0.0.1:9465");
    } catch (IOException | RuntimeException e) {
      throw new VigilException("cannot serve /metrics on " + listen + " (" + e.getMessage() + "); check --metrics-listen (metrics.listen)");
    }
    MetricsEndpoint endpoint = new MetricsEndpoint(server, metrics, new RunFolderFeed(runDir, metrics), linger, say);
    endpoint.follower.start();
    say.accept("metrics: serving http://" + listen + "/metrics (OpenMetrics) for run " + runId);
    return endpoint;
  }

  public Duration linger() {
    return linger;
  }

  public int port() {
    return server.getPort();
  }

  /** A service's uptime probes in flight now, as the window's live line says. */
  public void inFlight(String service, int probes) {
    synchronized (metrics) {
      metrics.inFlight(service, probes);
    }
  }

  private void follow() {
    while (!stopping && !broken) {
      read(feed::poll);
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** A run folder that cannot be read stops the metrics, never the window: said once, served as far as read. */
  private void read(Runnable step) {
    if (broken) {
      return;
    }
    synchronized (metrics) {
      try {
        step.run();
      } catch (RuntimeException e) {
        broken = true;
        say.accept("metrics: /metrics stops counting (" + e.getMessage() + "); the run folder keeps every request");
      }
    }
  }

  /**
   * Takes the last rows and the verdict, keeps serving for the linger time so that a scrape sees
   * them, then stops. Interrupted (a second Ctrl-C), it stops at once.
   */
  @Override
  public void close() {
    // Not interrupted: an interrupt during a read would close the files under it.
    stopping = true;
    try {
      follower.join(POLL_MS * 8);
      read(feed::finish);
      Thread.sleep(linger.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      try {
        feed.close();
      } catch (IOException e) {
        // the files were only read
      }
    }
  }
}
