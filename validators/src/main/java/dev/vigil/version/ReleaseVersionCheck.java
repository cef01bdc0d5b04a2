package dev.vigil.version;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.VigilException;
import dev.vigil.discovery.VersionDocument;
import dev.vigil.discovery.VersionDocuments;
import dev.vigil.identity.Catalog;
import dev.vigil.lifecycle.Check;
import dev.vigil.lifecycle.Outcome;
import dev.vigil.lifecycle.Phase;
import dev.vigil.lifecycle.RunContext;
import dev.vigil.probe.ServiceProbes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requirement 2: the release each service runs, read from its unauthenticated version document
 * (Neutron's extension list aside), at each phase it is started for; judged against the release
 * expected for that phase, and, with both phases, whether every service stayed or moved forward.
 * With host access, the version installed where the service runs is preferred: its major version
 * names one release where the API often allows several; the version document is then evidence
 * beside it, and is used when no installed version could be read (each reading says which).
 */
public final class ReleaseVersionCheck implements Check {

  public static final String NAME = "release-version";

  /** The file {@link #write} writes: {@code release-version.json} is the outcomes' file. */
  public static final String DETECTED_FILE = "release-version-detected.json";

  private final VersionDocuments documents;
  private final NeutronExtensions extensions;
  private final Map<Phase, Release> expected;
  private final Map<Phase, List<ReleaseReading>> readings = new EnumMap<>(Phase.class);
  private final Map<String, String> endpoints = new LinkedHashMap<>();
  private final InstalledVersions installed;
  private RunContext run;

  /** @param expected the release expected at each phase; a phase without one is only reported */
  public ReleaseVersionCheck(VersionDocuments documents, NeutronExtensions extensions, Map<Phase, Release> expected) {
    this(documents, extensions, expected, null);
  }

  /** @param installed the installed versions to prefer, or null without host access */
  public ReleaseVersionCheck(VersionDocuments documents, NeutronExtensions extensions, Map<Phase, Release> expected,
      InstalledVersions installed) {
    this.documents = documents;
    this.extensions = extensions;
    this.expected = Map.copyOf(expected);
    this.installed = installed;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Finds the endpoint of every service under test that the table or Neutron covers. */
  @Override
  public void prepare(RunContext run) {
    this.run = run;
    Catalog catalog = run.catalog();
    ServiceProbes probes = ServiceProbes.load();
    List<String> wanted = new ArrayList<>(run.services());
    if (wanted.isEmpty()) {
      wanted.addAll(ReleaseTable.services());
      wanted.add("network");
    }
    for (String service : wanted) {
      String catalogType = probes.forType(service).flatMap(p -> ServiceProbes.catalogType(p, catalog)).orElse(service);
      catalog.endpoint(catalogType, run.cloud().interfaceName(), run.cloud().regionName())
          .ifPresent(e -> endpoints.put(service, e.url()));
    }
    if (endpoints.isEmpty()) {
      throw new VigilException("the catalog of cloud " + run.cloud().name() + " has a " + run.cloud().interfaceName()
          + " endpoint for none of " + wanted + ": check interface and region_name in clouds.yaml");
    }
  }

  @Override
  public void start(Phase phase) {
    List<ReleaseReading> found = new ArrayList<>();
    for (Map.Entry<String, String> e : endpoints.entrySet()) {
      VersionDocument doc = documents.fetch(e.getKey(), e.getValue());
      List<String> aliases = "network".equals(e.getKey()) && doc.ok() ? extensions.aliases(e.getValue(), run.identity().token()) : null;
      ReleaseReading api = ReleaseMapping.read(e.getKey(), doc, aliases);
      ReleaseReading reading = installed == null ? api : prefer(installed.read(e.getKey()), api);
      found.add(reading);
      run.progress().accept(NAME + " " + phase.name().toLowerCase() + ": " + e.getKey() + ": "
          + (reading.readable() ? reading.candidates().describe() + " (" + reading.basis() + ")" : reading.basis())
          + " [from its " + reading.source() + "]");
    }
    readings.put(phase, found);
    if (phase == Phase.AFTER) {
      nothingChanged().ifPresent(line -> run.progress().accept(NAME + ": " + line));
    }
  }

  /** The installed version when it was read, the version document beside it as evidence; else the document, saying why. */
  static ReleaseReading prefer(ReleaseReading installed, ReleaseReading api) {
    List<String> evidence = new ArrayList<>(installed.evidence());
    evidence.addAll(api.evidence());
    if (installed.readable()) {
      evidence.add("version document: " + (api.readable() ? api.candidates().describe() + " (" + api.basis() + ")" : api.basis()));
      return new ReleaseReading(installed.service(), installed.value(), installed.candidates(), installed.basis(), evidence, null,
          ReleaseReading.INSTALLED);
    }
    return new ReleaseReading(api.service(), api.value(), api.candidates(), api.basis() + "; " + installed.basis(), evidence, api.error(),
        ReleaseReading.API);
  }

  /**
   * When the installed versions were read before and after for at least one service and none of
   * them changed: the driver's run upgraded nothing, which every verdict should say plainly.
   */
  public java.util.Optional<String> nothingChanged() {
    return nothingChanged(readings.getOrDefault(Phase.BEFORE, List.of()), readings.getOrDefault(Phase.AFTER, List.of()));
  }

  static java.util.Optional<String> nothingChanged(List<ReleaseReading> before, List<ReleaseReading> after) {
    List<String> same = new ArrayList<>();
    for (ReleaseReading a : after) {
      ReleaseReading b = before.stream().filter(r -> r.service().equals(a.service())).findFirst().orElse(null);
      if (b == null || !a.installed() || !b.installed() || !a.readable() || !b.readable()) {
        continue;
      }
      if (!a.value().equals(b.value())) {
        return java.util.Optional.empty();
      }
      same.add(a.service() + " " + a.value());
    }
    return same.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of("no service's installed version changed: the driver's run upgraded nothing (" + String.join(", ", same)
            + " before and after)");
  }

  @Override
  public List<Outcome> evaluate() {
    List<Outcome> outcomes = new ArrayList<>();
    readings.forEach((phase, found) -> outcomes.addAll(ReleaseJudge.judge(phase, found, expected.get(phase))));
    if (readings.containsKey(Phase.BEFORE) && readings.containsKey(Phase.AFTER)) {
      outcomes.addAll(ReleaseJudge.notOlder(readings.get(Phase.BEFORE), readings.get(Phase.AFTER)));
      nothingChanged().ifPresent(line -> outcomes.add(Outcome.failed(NAME, "installed versions changed", null, line, List.of())));
    }
    if (outcomes.isEmpty()) {
      outcomes.add(Outcome.skipped(NAME, "release", null, "no phase was measured"));
    }
    return outcomes;
  }

  /** The readings per phase and service, with their evidence. */
  public Map<Phase, List<ReleaseReading>> readings() {
    return Map.copyOf(readings);
  }

  @Override
  public void write(Path runDir) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("check", NAME);
    Map<String, String> exp = new LinkedHashMap<>();
    expected.forEach((p, r) -> exp.put(p.name().toLowerCase(), r.id()));
    doc.put("expected", exp);
    Map<String, Object> phases = new LinkedHashMap<>();
    readings.forEach((phase, found) -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("cloud", ReleaseJudge.combined(found).describe());
      p.put("services", found.stream().map(ReleaseVersionCheck::json).toList());
      phases.put(phase.name().toLowerCase(), p);
    });
    doc.put("phases", phases);
    Path file = runDir.resolve(DETECTED_FILE);
    try {
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    } catch (IOException e) {
      throw new VigilException("cannot write " + file + " (" + e.getMessage() + "): check the output folder");
    }
  }

  private static Map<String, Object> json(ReleaseReading r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service", r.service());
    m.put("value", r.value());
    if (r.readable()) {
      m.put("release", r.candidates().isSingle() ? r.candidates().releases().get(0).id() : null);
      m.put("candidates", r.candidates().releases().stream().map(Release::id).toList());
      m.put("older_than_table", r.candidates().older());
      m.put("newer_than_table", r.candidates().newer());
    } else {
      m.put("error", r.error());
    }
    m.put("basis", r.basis());
    m.put("source", r.source());
    m.put("evidence", r.evidence());
    return m;
  }
}
