package dev.vigil.simulations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.VigilException;
import dev.vigil.build.VigilBuild;
import dev.vigil.recording.JsonProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one observation window does, handed from the CLI to the Gatling JVM as {@code plan.json} in
 * the run folder. It holds no secret: the Gatling JVM reads the credentials itself, from the same
 * clouds.yaml or OS_* variables, by the cloud's name.
 *
 * @param runId the run's id, carried by everything Vigil creates in the cloud
 * @param cloud the cloud's name in clouds.yaml, or {@code envvars}
 * @param runDir the run folder, where records and the Gatling report go
 * @param targets the services to observe and their endpoints
 * @param ratePerService uptime requests per second per service and connection kind
 * @param connections which uptime connection kinds to run: "new", "reused"
 * @param timeout a request that takes longer has failed
 * @param maxDuration the hard cap of the window, whatever happens to the stop signal
 * @param grace how long pending flows may still run after the stop signal, and how long a flow's
 *     wait or delete may take before its resource counts as lost
 * @param parentPid the CLI's pid: the window stops when it dies
 * @param injector the name of the host sending the traffic
 * @param tokenRefreshMargin renew a token this long before it expires
 * @param flows the availability flows; absent (older plans) means off
 * @param load the background load; absent means off
 * @param dataPlane workloads probed beside the APIs, e.g. behind a floating IP (requirement 21)
 * @param maxInFlight uptime probes in flight at most per service and connection kind
 *     ({@code probe.max_in_flight}); absent (older plans) means the default, {@value
 *     ProbeGate#DEFAULT_MAX_IN_FLIGHT}
 */
public record WindowPlan(
    String runId,
    String cloud,
    Path runDir,
    List<Target> targets,
    double ratePerService,
    List<String> connections,
    Duration timeout,
    Duration maxDuration,
    Duration grace,
    long parentPid,
    String injector,
    Duration tokenRefreshMargin,
    FlowPlan flows,
    LoadPlan load,
    List<DataPlaneTarget> dataPlane,
    int maxInFlight) {

  public static final String FILE = "plan.json";

  /** A plan without data-plane targets. */
  public WindowPlan(String runId, String cloud, Path runDir, List<Target> targets, double ratePerService, List<String> connections,
      Duration timeout, Duration maxDuration, Duration grace, long parentPid, String injector, Duration tokenRefreshMargin,
      FlowPlan flows, LoadPlan load) {
    this(runId, cloud, runDir, targets, ratePerService, connections, timeout, maxDuration, grace, parentPid, injector,
        tokenRefreshMargin, flows, load, List.of(), ProbeGate.DEFAULT_MAX_IN_FLIGHT);
  }

  /** The same plan with data-plane targets (requirement 21) probed beside the APIs. */
  public WindowPlan withDataPlane(List<DataPlaneTarget> targets) {
    return new WindowPlan(runId, cloud, runDir, this.targets, ratePerService, connections, timeout, maxDuration, grace, parentPid,
        injector, tokenRefreshMargin, flows, load, targets, maxInFlight);
  }

  /** The same plan with no CLI behind it: it ends at the stop file, Ctrl-C or its maximum duration (parent_pid 0). */
  public WindowPlan standalone() {
    return new WindowPlan(runId, cloud, runDir, targets, ratePerService, connections, timeout, maxDuration, grace, 0, injector,
        tokenRefreshMargin, flows, load, dataPlane, maxInFlight);
  }

  /** The same plan with at most {@code max} uptime probes in flight per service and connection kind. */
  public WindowPlan withMaxInFlight(int max) {
    return new WindowPlan(runId, cloud, runDir, targets, ratePerService, connections, timeout, maxDuration, grace, parentPid,
        injector, tokenRefreshMargin, flows, load, dataPlane, max);
  }
  public static final String STOP_FILE = "stop";

  @JsonCreator
  public WindowPlan {
    dataPlane = dataPlane == null ? List.of() : List.copyOf(dataPlane);
    targets = List.copyOf(targets);
    connections = List.copyOf(connections);
    if (ratePerService <= 0) {
      throw new VigilException("probe rate must be above 0 requests/s (got " + ratePerService + ")");
    }
    flows = flows == null ? FlowPlan.off() : flows;
    load = load == null ? LoadPlan.off() : load;
    if (maxInFlight < 0) {
      throw new VigilException("probes in flight must be at least 1 (got " + maxInFlight + "): set probe.max_in_flight, e.g. 10");
    }
    // 0 is what Jackson gives for a plan written before the cap existed
    maxInFlight = maxInFlight == 0 ? ProbeGate.DEFAULT_MAX_IN_FLIGHT : maxInFlight;
  }

  /**
   * The availability flows of the window.
   *
   * @param enabled whether flows run
   * @param perSecond flows started per second per service (flows.rate; 1/30 s by default)
   * @param breakerFailures consecutive failed flows that stop a service's flow
   * @param image image a server boots from, by name
   * @param flavor flavor a server boots with, by name
   * @param network network a server boots on, by name; null for {@code networks: none}
   */
  public record FlowPlan(boolean enabled, double perSecond, int breakerFailures, String image, String flavor, String network) {

    public FlowPlan {
      if (enabled && !(perSecond > 0)) {
        throw new VigilException("flow rate must be above 0 (got " + perSecond + "/s): set flows.rate, e.g. 1/30s, or use --no-flows");
      }
    }

    public static FlowPlan off() {
      return new FlowPlan(false, 0, 0, null, null, null);
    }
  }

  /**
   * Background load.
   *
   * @param perSecond requests per second over all services; 0 is off
   * @param model {@code open} (arrivals at the rate whatever the cloud does) or {@code closed}
   *     (a fixed number of users, each waiting for its answer)
   * @param writes whether the load also runs each service's flow, at ten times the flow rate
   */
  public record LoadPlan(double perSecond, String model, boolean writes) {

    public LoadPlan {
      if (perSecond < 0) {
        throw new VigilException("load rate cannot be negative (got " + perSecond + "): give --load a rate such as 20");
      }
      model = model == null ? "open" : model.toLowerCase(java.util.Locale.ROOT);
      if (!model.equals("open") && !model.equals("closed")) {
        throw new VigilException("unknown load model \"" + model + "\": use --load-model open or closed");
      }
    }

    public static LoadPlan off() {
      return new LoadPlan(0, "open", false);
    }

    public boolean enabled() {
      return perSecond > 0;
    }

    public boolean closed() {
      return model.equals("closed");
    }
  }

  /** A service to observe. */
  public record Target(String serviceType, String endpoint) {}

  /** Which Vigil wrote the plan: in plan.json so a watch window's folder names the tool that made it. */
  @JsonProperty("vigil")
  public VigilBuild vigil() {
    return VigilBuild.current();
  }

  public Path stopFile() {
    return runDir.resolve(STOP_FILE);
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  public Path write() {
    Path file = runDir.resolve(FILE);
    try {
      mapper().writeValue(file.toFile(), this);
      return file;
    } catch (IOException e) {
      throw new VigilException("cannot write " + file + ": " + e.getMessage() + "; check that the output folder is writable");
    }
  }

  public static WindowPlan read(Path file) {
    try {
      return mapper().readValue(file.toFile(), WindowPlan.class);
    } catch (IOException e) {
      throw new VigilException("cannot read the window plan " + file + ": " + JsonProblem.describe(e)
          + "; it is damaged, or not written by Vigil");
    }
  }
}
