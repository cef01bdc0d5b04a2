package dev.vigil.simulations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.VigilException;
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
 * @param grace how long pending flows may still run after the stop signal
 * @param parentPid the CLI's pid: the window stops when it dies
 * @param injector the name of the host sending the traffic
 * @param tokenRefreshMargin renew a token this long before it expires
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
    Duration tokenRefreshMargin) {

  public static final String FILE = "plan.json";
  public static final String STOP_FILE = "stop";

  public WindowPlan {
    targets = List.copyOf(targets);
    connections = List.copyOf(connections);
    if (ratePerService <= 0) {
      throw new VigilException("probe rate must be above 0 requests/s (got " + ratePerService + ")");
    }
  }

  /** A service to observe. */
  public record Target(String serviceType, String endpoint) {}

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
      throw new VigilException("cannot read the window plan " + file + ": " + e.getMessage());
    }
  }
}
