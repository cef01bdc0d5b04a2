package dev.vigil.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window's {@code plan.json} asked of the uptime probes: the schedule coverage is
 * measured against. Read as a tree because the plan's type lives in the simulations module.
 *
 * @param ratePerService probes per second per service and connection kind
 * @param connections the connection kinds probed: {@code new}, {@code reused}
 * @param streams every probed service (API targets and data-plane targets) with its kinds
 */
record ProbePlan(double ratePerService, List<String> connections, List<Stream> streams) {

  /** The default rate (settings {@code probes.rate}) for folders without a plan. */
  static final double DEFAULT_RATE = 10;

  record Stream(String service, String connection) {}

  double periodMs() {
    return 1000.0 / ratePerService;
  }

  /** The folder's plan, or the default rate and no expected streams when there is none (a folder from elsewhere). */
  static ProbePlan read(Path runDir) {
    Path file = runDir.resolve("plan.json");
    if (!Files.isRegularFile(file)) {
      return new ProbePlan(DEFAULT_RATE, List.of(), List.of());
    }
    try {
      JsonNode plan = new ObjectMapper().readTree(file.toFile());
      double rate = plan.path("rate_per_service").asDouble(DEFAULT_RATE);
      List<String> kinds = new ArrayList<>();
      plan.path("connections").forEach(c -> kinds.add(c.asText()));
      List<Stream> streams = new ArrayList<>();
      plan.path("targets").forEach(t -> kinds.forEach(k -> streams.add(new Stream(t.path("service_type").asText(), k))));
      // data-plane HTTP/Swift/TCP targets are probed over new connections only
      plan.path("data_plane").forEach(d -> streams.add(new Stream(d.path("service").asText(), "new")));
      return new ProbePlan(rate > 0 ? rate : DEFAULT_RATE, kinds, streams);
    } catch (IOException e) {
      return new ProbePlan(DEFAULT_RATE, List.of(), List.of());
    }
  }
}
