package dev.vigil.cli;

import dev.vigil.run.Terminal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.cloud.CloudConfig;
import dev.vigil.discovery.DiscoveredService;
import dev.vigil.discovery.Discovery;
import dev.vigil.discovery.VersionDocuments;
import dev.vigil.http.Http;
import dev.vigil.identity.KeystoneClient;
import dev.vigil.identity.Token;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = "Authenticate, then list the catalog's services, endpoints and API versions.")
final class DiscoverCommand implements Callable<Integer> {

  /** An hour: a Keystone down for longer is not coming back while someone waits at a prompt. */
  static final int MAX_PATIENCE_SECONDS = 3600;

  @ParentCommand Vigil vigil;

  @Mixin CloudOption cloudOption;

  @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
  Format format;

  @Option(
      names = "--patience",
      paramLabel = "SECONDS",
      description = "How long to keep trying while Keystone is unreachable or answers 5xx (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  int patienceSeconds;

  enum Format {
    text,
    json
  }

  @Override
  public Integer call() throws Exception {
    Terminal terminal = vigil.terminal();
    if (patienceSeconds < 0 || patienceSeconds > MAX_PATIENCE_SECONDS) {
      throw new VigilException("--patience " + patienceSeconds + ": give the seconds to keep trying, from 0 to " + MAX_PATIENCE_SECONDS);
    }
    CloudConfig cloud = cloudOption.resolve(vigil.environment(), terminal);
    Token token = new KeystoneClient(cloud).authenticate(Duration.ofSeconds(patienceSeconds));
    Discovery discovery = new Discovery(new VersionDocuments(Http.client(cloud, Duration.ofSeconds(5)), Duration.ofSeconds(10)));
    List<DiscoveredService> services = discovery.discover(token, cloud);
    if (format == Format.json) {
      terminal.out().println(json(cloud, token, services));
    } else {
      printText(terminal, cloud, token, services);
    }
    terminal.out().flush();
    return ExitCode.OK;
  }

  private static void printText(Terminal t, CloudConfig cloud, Token token, List<DiscoveredService> services) {
    t.out().printf(
        "cloud %s: user %s, project %s, roles %s (%s), interface %s, region %s%n",
        cloud.name(),
        token.userName(),
        token.projectName(),
        String.join(",", token.roles()),
        token.hasRole("admin") ? "admin: traffic commands will refuse this cloud" : "non-admin",
        cloud.interfaceName(),
        cloud.regionName() == null ? "(first)" : cloud.regionName());
    int typeWidth = Math.max(4, services.stream().mapToInt(s -> s.type().length()).max().orElse(4));
    int urlWidth = Math.max(8, services.stream().mapToInt(s -> s.url().length()).max().orElse(8));
    String row = "%-" + typeWidth + "s  %-10s  %-" + urlWidth + "s  %s%n";
    t.out().printf(row, "TYPE", "NAME", "ENDPOINT", "API VERSION");
    for (DiscoveredService s : services) {
      t.out().printf(row, s.type(), s.name() == null ? "-" : s.name(), s.url(), s.versions().describe());
    }
    t.out().printf("%d services%n", services.size());
  }

  private static String json(CloudConfig cloud, Token token, List<DiscoveredService> services) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("cloud", cloud.name());
    root.put("user", token.userName());
    root.put("project", token.projectName());
    root.putPOJO("roles", token.roles());
    root.put("admin", token.hasRole("admin"));
    ArrayNode list = root.putArray("services");
    for (DiscoveredService s : services) {
      ObjectNode n = list.addObject();
      n.put("type", s.type());
      n.put("name", s.name());
      n.put("endpoint", s.url());
      n.put("version_document", s.versions().url());
      n.put("http_status", s.versions().httpStatus());
      if (s.versions().ok()) {
        n.putPOJO("versions", s.versions().versions());
      } else {
        n.put("error", s.versions().error());
      }
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
