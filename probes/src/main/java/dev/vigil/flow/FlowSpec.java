package dev.vigil.flow;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A service's availability flow as data: create → wait until ready → read back → delete → wait
 * until gone. Interpreted by {@link FlowRunner} (JDK HTTP client, once) and by the simulations'
 * Gatling chains (at a fixed rate during a window); both judge answers through {@link
 * FlowExecution}, so a flow means the same wherever it runs.
 *
 * <p>Variables, written {@code #{name}} in paths, headers and JSON bodies: {@code run_id}, {@code
 * project_id} and the {@link FlowOptions} ({@code flow_image}, {@code flow_flavor}, {@code
 * flow_network}) for the whole window; then {@link #vars()} and what {@link #prepare()} extracts;
 * per flow {@code seq} and {@code name} ({@code <run id>-flow-<service>-<seq>}: every resource a
 * flow creates is named from it, so {@code vigil sweep} finds leftovers), and the ids its CREATE
 * steps extract.
 *
 * @param service the service type it exercises
 * @param name stable flow name, e.g. {@code boot-server}
 * @param vars window variables computed from the ones above (e.g. a container name)
 * @param prepare SETUP steps run once before the first flow (look up a flavor, create a container)
 * @param steps the flow: CREATE, CALL, WAIT steps, in order; the first failure skips the rest
 * @param resources what the flow creates, in creation order; deleted in reverse order, always
 * @param finish SETUP steps run once after the last flow and the cleanup (delete the container)
 * @param payloadBytes size of the random payload a flow uploads and reads back, 0 for none
 */
public record FlowSpec(
    String service,
    String name,
    Map<String, Template> vars,
    List<Step> prepare,
    List<Step> steps,
    List<Resource> resources,
    List<Step> finish,
    int payloadBytes) {

  public FlowSpec {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    prepare = List.copyOf(prepare);
    steps = List.copyOf(steps);
    resources = List.copyOf(resources);
    finish = List.copyOf(finish);
    if (payloadBytes < 0) {
      throw new IllegalArgumentException("flow " + name + ": payloadBytes must not be negative");
    }
    check(name, prepare, Set.of(Step.Kind.SETUP), "prepare");
    check(name, finish, Set.of(Step.Kind.SETUP), "finish");
    check(name, steps, Set.of(Step.Kind.CREATE, Step.Kind.CALL, Step.Kind.WAIT), "steps");
    Set<String> declared = new HashSet<>();
    for (Resource r : resources) {
      if (!declared.add(r.var())) {
        throw new IllegalArgumentException("flow " + name + ": resource " + r.var() + " declared twice");
      }
    }
    for (Step s : steps) {
      if (s.resource() != null && !declared.contains(s.resource())) {
        throw new IllegalArgumentException("flow " + name + ": step " + s.name() + " names undeclared resource " + s.resource());
      }
    }
    for (Resource r : resources) {
      if (steps.stream().noneMatch(s -> s.kind() == Step.Kind.CREATE && r.var().equals(s.resource()))) {
        throw new IllegalArgumentException("flow " + name + ": no CREATE step for resource " + r.var());
      }
    }
  }

  private static void check(String flow, List<Step> steps, Set<Step.Kind> allowed, String section) {
    for (Step s : steps) {
      if (!allowed.contains(s.kind())) {
        throw new IllegalArgumentException("flow " + flow + ": " + section + " may not hold the " + s.kind() + " step " + s.name());
      }
    }
  }

  /** Whether a resource has a WAIT step: without one it is ready once its create is accepted. */
  public boolean waitsFor(String resource) {
    return steps.stream().anyMatch(s -> s.kind() == Step.Kind.WAIT && resource.equals(s.resource()));
  }

  public Resource resource(String var) {
    return resources.stream().filter(r -> r.var().equals(var)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("flow " + name + " has no resource " + var));
  }

  /** The resource a teardown step belongs to: the step itself need not name it. */
  String resourceOf(Step teardownStep) {
    for (Resource r : resources) {
      if (r.delete() == teardownStep || r.gone() == teardownStep) {
        return r.var();
      }
    }
    throw new IllegalArgumentException("step " + teardownStep.name() + " is no teardown step of flow " + name);
  }

  /** The name of the step that creates {@code var}: a resource's outcome is recorded under it. */
  String createStepName(String var) {
    return steps.stream().filter(s -> s.kind() == Step.Kind.CREATE && var.equals(s.resource())).map(Step::name).findFirst().orElse(name);
  }

  /** The teardown: each resource's delete and gone steps, last created first. */
  public List<Step> teardown() {
    List<Step> out = new java.util.ArrayList<>();
    for (int i = resources.size() - 1; i >= 0; i--) {
      Resource r = resources.get(i);
      out.add(r.delete());
      if (r.gone() != null) {
        out.add(r.gone());
      }
    }
    return List.copyOf(out);
  }

  /** The prefix every resource name of run {@code runId} starts with. */
  public static String namePrefix(String runId) {
    return runId + "-flow-";
  }

  public static Builder builder(String service, String name) {
    return new Builder(service, name);
  }

  /** Assembles a flow section by section. */
  public static final class Builder {
    private final String service;
    private final String name;
    private final Map<String, Template> vars = new LinkedHashMap<>();
    private final List<Step> prepare = new java.util.ArrayList<>();
    private final List<Step> steps = new java.util.ArrayList<>();
    private final List<Resource> resources = new java.util.ArrayList<>();
    private final List<Step> finish = new java.util.ArrayList<>();
    private int payloadBytes;

    private Builder(String service, String name) {
      this.service = service;
      this.name = name;
    }

    public Builder var(String name, String template) {
      vars.put(name, Template.of(template));
      return this;
    }

    public Builder prepare(Step.Builder step) {
      prepare.add(step.build());
      return this;
    }

    public Builder step(Step.Builder step) {
      steps.add(step.build());
      return this;
    }

    public Builder resource(Resource resource) {
      resources.add(resource);
      return this;
    }

    public Builder finish(Step.Builder step) {
      finish.add(step.build());
      return this;
    }

    public Builder payload(int bytes) {
      this.payloadBytes = bytes;
      return this;
    }

    public FlowSpec build() {
      return new FlowSpec(service, name, vars, prepare, steps, resources, finish, payloadBytes);
    }
  }
}
