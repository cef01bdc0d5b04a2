package dev.vigil.run;

import dev.vigil.simulations.RunFolder;
import dev.vigil.influx.InfluxSink;
import dev.vigil.influx.InfluxTarget;
import dev.vigil.settings.Settings;
import java.time.Duration;

/** The InfluxDB sink of a run, when the settings name an InfluxDB. */
public final class InfluxSinks {

  static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

  private InfluxSinks() {}

  /** Starts the sink the settings alone describe (influx.* in vigil.yaml or set from code); null when none. */
  public static InfluxSink start(Settings settings, Environment env, RunFolder run, String cloud, String injector, Terminal terminal) {
    InfluxTarget target = InfluxTarget.of(settings.influx(), env.variables());
    if (target == null) {
      return null;
    }
    return InfluxSink.start(run.dir(), new InfluxSink.Run(run.runId(), cloud, injector, outageLateness(settings)), target, terminal::info);
  }

  /** Sends what is left (bounded wait) and prints the count; a sink never changes the exit code. */
  public static void stop(InfluxSink sink) throws InterruptedException {
    if (sink != null) {
      sink.stop(FLUSH_WAIT);
    }
  }

  /** Outage events wait for probes as slow as the probe timeout (and a little), no longer. */
  public static long outageLateness(Settings settings) {
    return settings.probe().timeout().toMillis() + 2000;
  }

  /** Stops the sink at the end of a try-with-resources block, whatever happened in it. */
  public interface Closing extends AutoCloseable {
    @Override
    void close() throws InterruptedException;
  }

}
