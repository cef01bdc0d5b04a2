package dev.vigil.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny OpenStack-like service on a local JDK HttpServer: things are created (202 with an id and a
 * request id), go from building to ready (or error) after some polls, and are deleted. Knobs make it
 * fail the ways a cloud mid-upgrade does.
 */
final class FakeThings implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  final HttpServer server;
  final Map<String, Thing> things = new ConcurrentHashMap<>();
  final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  volatile int createStatus = 202;
  volatile int readyAfterPolls = 2;
  volatile String finalState = "ready";
  volatile int deleteFailures;
  volatile String nameOverride;

  static final class Thing {
    final String id;
    final String name;
    int polls;
    boolean deleted;

    Thing(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  FakeThings() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  Thing add(String name) {
    Thing t = new Thing("t" + ids.incrementAndGet(), name);
    things.put(t.id, t);
    return t;
  }

  private void handle(HttpExchange x) throws IOException {
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getPath().replaceFirst("^/v1/?", "");
    log.add(method + " " + path);
    x.getResponseHeaders().add("x-openstack-request-id", "req-" + log.size());
    byte[] in = x.getRequestBody().readAllBytes();
    if (!"secret-token".equals(x.getRequestHeaders().getFirst("X-Auth-Token"))) {
      send(x, 401, null);
      return;
    }
    if (path.equals("things") && method.equals("POST")) {
      if (createStatus != 202) {
        send(x, createStatus, JSON.createObjectNode().put("message", "service unavailable"));
        return;
      }
      String name = JSON.readTree(in).path("thing").path("name").asText();
      Thing t = add(name);
      send(x, 202, thing(t, "building"));
      return;
    }
    if (path.equals("things") && method.equals("GET")) {
      ObjectNode doc = JSON.createObjectNode();
      ArrayNode list = doc.putArray("things");
      things.values().stream().filter(t -> !t.deleted).forEach(t -> list.addObject().put("id", t.id).put("name", t.name));
      send(x, 200, doc);
      return;
    }
    Thing t = things.get(path.replaceFirst("^things/", ""));
    if (t == null || t.deleted) {
      send(x, 404, JSON.createObjectNode().put("message", "not found"));
      return;
    }
    if (method.equals("DELETE")) {
      if (deleteFailures > 0) {
        deleteFailures--;
        send(x, 503, null);
        return;
      }
      t.deleted = true;
      send(x, 204, null);
      return;
    }
    synchronized (t) {
      t.polls++;
      send(x, 200, thing(t, t.polls > readyAfterPolls ? finalState : "building"));
    }
  }

  private ObjectNode thing(Thing t, String status) {
    ObjectNode doc = JSON.createObjectNode();
    ObjectNode thing = doc.putObject("thing").put("id", t.id).put("name", nameOverride != null ? nameOverride : t.name).put("status", status);
    if (status.equals("error")) {
      thing.putObject("fault").put("message", "no valid host");
    }
    return doc;
  }

  private static void send(HttpExchange x, int status, ObjectNode body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }

  long count(String request) {
    return log.stream().filter(request::equals).count();
  }

  /** The test flow: create, wait ready, read back the name, delete, wait gone. */
  static FlowSpec spec() {
    Duration every = Duration.ofMillis(20);
    return FlowSpec.builder("things", "make-thing")
        .step(Step.create("create-thing", "POST", "things").json("{\"thing\": {\"name\": \"#{name}\"}}").expect(202).creates("thing", "/thing/id"))
        .step(Step.waitFor("wait-thing-ready", "things/#{thing}", Poll.of("/thing/status", Set.of("ready"), Set.of("error")).withFault("/thing/fault/message"))
            .on("thing").every(every))
        .step(Step.call("show-thing", "GET", "things/#{thing}").expect(200).check(ResponseCheck.jsonEquals("/thing/name", "#{name}")).on("thing"))
        .resource(new Resource("thing", "thing",
            Step.delete("delete-thing", "things/#{thing}").expect(204).on("thing").every(every).build(),
            Step.waitGone("wait-thing-gone", "GET", "things/#{thing}", Poll.of("/thing/status", Set.of(), Set.of("error"))).on("thing").every(every).build(),
            new Resource.Sweep(Step.list("list-things", "things").build(), "/things", "name", "id")))
        .build();
  }

  /** Records everything a flow reports. */
  static final class Recorded implements FlowListener {
    final List<dev.vigil.recording.RequestRecord> requests = new CopyOnWriteArrayList<>();
    final List<dev.vigil.recording.FlowRecord> flows = new CopyOnWriteArrayList<>();
    final List<String> notes = new CopyOnWriteArrayList<>();
    final List<String> breakers = new ArrayList<>();

    @Override
    public void request(dev.vigil.recording.RequestRecord record) {
      requests.add(record);
    }

    @Override
    public void flow(dev.vigil.recording.FlowRecord record) {
      flows.add(record);
    }

    @Override
    public void note(String service, String text) {
      notes.add(service + ": " + text);
    }

    @Override
    public synchronized void breakerOpened(String service) {
      breakers.add(service);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
