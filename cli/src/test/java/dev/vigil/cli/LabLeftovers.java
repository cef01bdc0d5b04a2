package dev.vigil.cli;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.cloud.CloudConfigLoader;
import dev.vigil.flow.FlowExecution;
import dev.vigil.flow.FlowOptions;
import dev.vigil.flow.FlowRunner;
import dev.vigil.flow.FlowSpec;
import dev.vigil.flow.Resource;
import dev.vigil.http.Http;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.Token;
import dev.vigil.probe.ServiceProbes;
import dev.vigil.testing.Lab;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run left in the lab: every resource of the flows' kinds whose name starts with the run's
 * prefix, listed as the non-admin user (as {@code vigil sweep} would find them), without deleting.
 */
final class LabLeftovers {

  private LabLeftovers() {}

  static List<String> of(String runId, List<String> services) throws Exception {
    return of("lab", runId, services);
  }

  /** The same in another cloud of lab/clouds.yaml (the release lab's {@code release}). */
  static List<String> of(String cloudName, String runId, List<String> services) throws Exception {
    Path root = Lab.cloudsYaml().getParent().getParent();
    CloudConfig cloud = CloudConfigLoader.of(Map.of("OS_CLIENT_CONFIG_FILE", Lab.cloudsYaml().toString()), root, root.resolve("no-home"),
        root.resolve("no-etc")).load(cloudName);
    Token token = new KeystoneClient(cloud).authenticate(Duration.ofSeconds(30));
    ServiceProbes probes = ServiceProbes.load();
    var endpoints = probes.endpoints(token.catalog(), cloud.interfaceName(), cloud.regionName());
    HttpClient http = Http.client(cloud, Duration.ofSeconds(10));
    Map<String, String> vars = new java.util.HashMap<>(FlowRunner.windowVars(runId, token.projectId(), FlowOptions.defaults()));
    List<String> left = new ArrayList<>();
    for (String service : services) {
      FlowSpec spec = probes.require(service).flow(FlowOptions.defaults()).orElseThrow();
      spec.vars().forEach((k, v) -> vars.put(k, v.render(vars)));
      for (Resource r : spec.resources()) {
        String url = endpoints.apply(service).replaceAll("/$", "") + "/" + r.sweep().list().path().render(vars);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token.id().reveal()).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
          continue; // the object-store container itself is gone: so are its objects
        }
        if (response.statusCode() != 200 && response.statusCode() != 204) {
          throw new AssertionError("cannot list " + url + ": HTTP " + response.statusCode());
        }
        FlowExecution.listed(r.sweep(), response.body(), FlowSpec.namePrefix(runId)).forEach(id -> left.add(service + " " + r.kind() + " " + id));
      }
      if (service.equals("object-store")) {
        String url = endpoints.apply(service) + "/" + vars.get("container");
        int status = http.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("X-Auth-Token", token.id().reveal()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 404) {
          left.add("object-store container " + vars.get("container") + " (HTTP " + status + ")");
        }
      }
    }
    return left;
  }
}
