package dev.vigil.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One request of a flow, as data. Its {@link Kind} says how an interpreter repeats it and how its
 * answer is judged (see {@link FlowExecution}); everything else says what to send.
 *
 * @param name stable short name, used in records and reports (bounded: never holds ids)
 * @param kind how the step is repeated and judged
 * @param service the service whose endpoint the path is relative to; null for the flow's own
 * @param method HTTP method
 * @param path template relative to the service's catalog endpoint
 * @param headers extra request headers (templates); the token and Content-Type are added
 * @param body what is sent
 * @param expect statuses that mean the service did what was asked
 * @param resource CREATE: the resource variable it creates; others: the resource a failure is
 *     blamed on, or null
 * @param extracts values taken from a successful answer into variables
 * @param checks read-back judgements of a successful answer
 * @param poll WAIT and WAIT_GONE: how the state is read
 * @param every WAIT, WAIT_GONE, DELETE: the pause between two attempts
 * @param retryOn DELETE: statuses besides 5xx and no answer that mean "try again" (e.g. 409 while
 *     the resource is still busy)
 */
public record Step(
    String name,
    Kind kind,
    String service,
    String method,
    Template path,
    Map<String, Template> headers,
    Body body,
    Set<Integer> expect,
    String resource,
    List<Extract> extracts,
    List<ResponseCheck> checks,
    Poll poll,
    Duration every,
    Set<Integer> retryOn) {

  /** How a step is repeated and what its answer decides. */
  public enum Kind {
    /** Prepare or finish a window (look up a flavor, create a container): once; a failure is an error. */
    SETUP,
    /** Create a resource: once (a retry could create two); accepted when the status is expected. */
    CREATE,
    /** Use or read back a resource: once; a refusal or a failed check fails the flow. */
    CALL,
    /** Wait for a ready state: repeated until ready, an error state, or the grace time. */
    WAIT,
    /** Ask for deletion: repeated while the service is down or busy, until accepted or 404. */
    DELETE,
    /** Wait until the resource is gone (404): repeated until then, an error state, or the grace time. */
    WAIT_GONE,
    /** List resources for the cleanup sweep: once. */
    LIST
  }

  public Step {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    expect = Set.copyOf(expect);
    extracts = List.copyOf(extracts);
    checks = List.copyOf(checks);
    retryOn = Set.copyOf(retryOn);
    if ((kind == Kind.WAIT || kind == Kind.WAIT_GONE) && poll == null) {
      throw new IllegalArgumentException("step " + name + ": a " + kind + " step needs a poll");
    }
    if ((kind == Kind.WAIT || kind == Kind.WAIT_GONE || kind == Kind.DELETE) && (every == null || every.isNegative() || every.isZero())) {
      throw new IllegalArgumentException("step " + name + ": a " + kind + " step needs a pause between attempts");
    }
    if (kind == Kind.CREATE && (resource == null || extracts.stream().noneMatch(e -> e.var().equals(resource)))) {
      throw new IllegalArgumentException("step " + name + ": a CREATE step must extract the id of its resource");
    }
    if (expect.isEmpty()) {
      throw new IllegalArgumentException("step " + name + ": no expected status");
    }
  }

  /** Whether the interpreter may send it more than once. */
  public boolean repeats() {
    return kind == Kind.WAIT || kind == Kind.WAIT_GONE || kind == Kind.DELETE;
  }

  /** Statuses after which an interpreter keeps the answer's body (JSON to read, bytes to compare). */
  public boolean needsBody() {
    return !extracts.isEmpty() || !checks.isEmpty() || poll != null || kind == Kind.LIST;
  }

  public static Builder setup(String name, String method, String path) {
    return new Builder(name, Kind.SETUP, method, path);
  }

  public static Builder create(String name, String method, String path) {
    return new Builder(name, Kind.CREATE, method, path);
  }

  public static Builder call(String name, String method, String path) {
    return new Builder(name, Kind.CALL, method, path);
  }

  public static Builder waitFor(String name, String path, Poll poll) {
    return new Builder(name, Kind.WAIT, "GET", path).poll(poll).every(Duration.ofSeconds(1)).expect(200);
  }

  public static Builder delete(String name, String path) {
    return new Builder(name, Kind.DELETE, "DELETE", path).every(Duration.ofSeconds(1));
  }

  public static Builder waitGone(String name, String method, String path, Poll poll) {
    return new Builder(name, Kind.WAIT_GONE, method, path).poll(poll).every(Duration.ofSeconds(1)).expect(200, 404);
  }

  public static Builder list(String name, String path) {
    return new Builder(name, Kind.LIST, "GET", path).expect(200);
  }

  /** Writes steps the way the flows read best; {@link #build()} checks them. */
  public static final class Builder {
    private final String name;
    private final Kind kind;
    private final String method;
    private final String path;
    private String service;
    private final Map<String, Template> headers = new LinkedHashMap<>();
    private Body body = Body.NONE;
    private final Set<Integer> expect = new LinkedHashSet<>();
    private String resource;
    private final List<Extract> extracts = new ArrayList<>();
    private final List<ResponseCheck> checks = new ArrayList<>();
    private Poll poll;
    private Duration every;
    private final Set<Integer> retryOn = new LinkedHashSet<>();

    private Builder(String name, Kind kind, String method, String path) {
      this.name = name;
      this.kind = kind;
      this.method = method;
      this.path = path;
    }

    public Builder service(String serviceType) {
      this.service = serviceType;
      return this;
    }

    public Builder header(String name, String template) {
      headers.put(name, Template.of(template));
      return this;
    }

    public Builder json(String template) {
      this.body = Body.json(template);
      return this;
    }

    public Builder payload() {
      this.body = Body.PAYLOAD;
      return this;
    }

    public Builder expect(Integer... statuses) {
      expect.addAll(List.of(statuses));
      return this;
    }

    /** CREATE: the resource and where its id is in the answer. */
    public Builder creates(String resource, String idPointer) {
      this.resource = resource;
      extracts.add(Extract.pointer(resource, idPointer));
      return this;
    }

    /** CREATE: the resource, whose id is the name Vigil gave it (object store objects). */
    public Builder createsNamed(String resource, String idTemplate) {
      this.resource = resource;
      extracts.add(Extract.template(resource, idTemplate));
      return this;
    }

    public Builder on(String resource) {
      this.resource = resource;
      return this;
    }

    public Builder extract(Extract extract) {
      extracts.add(extract);
      return this;
    }

    public Builder check(ResponseCheck check) {
      checks.add(check);
      return this;
    }

    public Builder poll(Poll poll) {
      this.poll = poll;
      return this;
    }

    public Builder every(Duration every) {
      this.every = every;
      return this;
    }

    public Builder retryOn(Integer... statuses) {
      retryOn.addAll(List.of(statuses));
      return this;
    }

    public Step build() {
      return new Step(name, kind, service, method, Template.of(path), new LinkedHashMap<>(headers), body, expect, resource, extracts, checks,
          poll, every, retryOn);
    }
  }
}
