package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.testing.Lab;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil verifies TLS as openstacksdk does, in its own client and in Gatling (which trusts every
 * certificate unless told otherwise). A TLS frontend for the lab's Keystone, with a certificate for
 * "localhost" from a CA this test makes, is started on 127.0.0.1:15443.
 */
class TlsIT {

  private static final int PORT = 15443;
  @TempDir static Path pki;
  private static Process haproxy;

  @TempDir Path dir;

  @BeforeAll
  static void startTlsFrontend() throws Exception {
    run(pki, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Vigil test CA",
        "-keyout", "ca.key", "-out", "ca.pem");
    run(pki, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr");
    Files.writeString(pki.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
    run(pki, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
        "-extfile", "san.ext", "-out", "server.crt");
    Files.writeString(pki.resolve("server.pem"), Files.readString(pki.resolve("server.crt")) + Files.readString(pki.resolve("server.key")));
    Files.writeString(pki.resolve("haproxy.cfg"), String.join("\n",
        "global", "    maxconn 256",
        "defaults", "    mode http", "    timeout connect 5s", "    timeout client 30s", "    timeout server 30s",
        "frontend tls", "    bind 127.0.0.1:" + PORT + " ssl crt " + pki.resolve("server.pem"), "    default_backend keystone",
        "backend keystone", "    server keystone 127.0.0.1:5000", ""));
    haproxy = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", pki.resolve("haproxy.cfg").toString())
        .redirectErrorStream(true).redirectOutput(pki.resolve("haproxy.log").toFile()).start();
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket("127.0.0.1", PORT)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the TLS frontend did not start: " + Files.readString(pki.resolve("haproxy.log")));
  }

  @AfterAll
  static void stopTlsFrontend() {
    if (haproxy != null) {
      haproxy.destroy();
    }
  }

  @Test
  void keystoneOverTlsNeedsTheCaAndTheRightName() throws Exception {
    CommandRun untrusted = discover(c -> c.with("auth").put("auth_url", "https://localhost:" + PORT + "/v3"));
    assertThat(untrusted.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(untrusted.err()).contains("the TLS certificate of localhost:" + PORT + " is not trusted").contains("cacert");

    CommandRun trusted = discover(c -> {
      c.with("auth").put("auth_url", "https://localhost:" + PORT + "/v3");
      c.put("cacert", pki.resolve("ca.pem").toString());
      c.put("identity_endpoint_override", "https://localhost:" + PORT + "/v3/");
    });
    assertThat(trusted.exitCode()).as(trusted.err()).isZero();
    assertThat(trusted.out()).containsPattern("identity\\s+keystone\\s+https://localhost:" + PORT + "/v3/\\s+v3");

    CommandRun wrongName = discover(c -> {
      c.with("auth").put("auth_url", "https://127.0.0.1:" + PORT + "/v3");
      c.put("cacert", pki.resolve("ca.pem").toString());
    });
    assertThat(wrongName.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
    assertThat(wrongName.err()).contains("the TLS certificate of 127.0.0.1:" + PORT + " does not name 127.0.0.1");
  }

  @Test
  void verifyFalseIsAcceptedWithAWarning() throws Exception {
    CommandRun insecure = discover(c -> {
      c.with("auth").put("auth_url", "https://127.0.0.1:" + PORT + "/v3");
      c.put("verify", false);
    });
    assertThat(insecure.exitCode()).as(insecure.err()).isZero();
    assertThat(insecure.err()).contains("verify: false").contains("NOT checked");
  }

  @Test
  void gatlingProbesRefuseAnUntrustedOrMisnamedServer() throws Exception {
    String good = "https://localhost:" + PORT + "/v3/";
    JsonNode trusted = watch("trusted", c -> {
      c.put("cacert", pki.resolve("ca.pem").toString());
      c.put("identity_endpoint_override", good);
    });
    assertThat(trusted.path("requests").asLong()).isPositive();
    assertThat(trusted.path("failures").asLong()).as(trusted.toString()).isZero();

    JsonNode untrusted = watch("untrusted", c -> c.put("identity_endpoint_override", good));
    assertThat(untrusted.path("requests").asLong()).isPositive();
    assertThat(untrusted.path("failures").asLong()).isEqualTo(untrusted.path("requests").asLong());

    JsonNode misnamed = watch("misnamed", c -> {
      c.put("cacert", pki.resolve("ca.pem").toString());
      c.put("identity_endpoint_override", "https://127.0.0.1:" + PORT + "/v3/");
    });
    assertThat(misnamed.path("requests").asLong()).isPositive();
    assertThat(misnamed.path("failures").asLong()).isEqualTo(misnamed.path("requests").asLong());

    // A refused certificate is a configuration problem, not an outage: Gatling's path (through its
    // logged failure) classifies it as the JDK client does. By duration alone it read as "refused".
    assertThat(untrusted.path("downtime_seconds").asDouble()).as(untrusted.toString()).isZero();
    assertThat(misnamed.path("downtime_seconds").asDouble()).as(misnamed.toString()).isZero();
    assertThat(Files.readString(dir.resolve("untrusted").resolve("records.tsv"))).contains("\tOTHER\t").doesNotContain("\tCONNECT\t");
  }

  /** The lab's non-admin cloud, changed by {@code edit}, as cloud "tls" in a clouds.yaml of its own. */
  private Map<String, String> cloud(Consumer<ObjectNode> edit) throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode lab = (ObjectNode) yaml.readTree(Lab.cloudsYaml().toFile()).path("clouds").path("lab").deepCopy();
    edit.accept(lab);
    ObjectNode root = yaml.createObjectNode();
    root.putObject("clouds").set("tls", lab);
    Path file = Files.createTempFile(dir, "clouds", ".yaml");
    yaml.writeValue(file.toFile(), root);
    return Map.of("OS_CLIENT_CONFIG_FILE", file.toString());
  }

  private CommandRun discover(Consumer<ObjectNode> edit) throws IOException {
    return CommandRun.run(cloud(edit), dir, "discover", "--cloud", "tls", "--patience", "2");
  }

  private JsonNode watch(String name, Consumer<ObjectNode> edit) throws Exception {
    Path out = dir.resolve(name);
    Map<String, String> env = cloud(edit);
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Path.of("target", "vigil.jar").toAbsolutePath().toString(), "watch", "--cloud", "tls", "--services", "identity",
        "--rate", "5", "--duration", "4s", "--out", out.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().putAll(env);
    int code = pb.start().waitFor();
    assertThat(code).as(Files.readString(dir.resolve(name + ".log"))).isZero();
    return new ObjectMapper().readTree(out.resolve("result.json").toFile()).path("services").path("identity");
  }

  private static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("openssl.log")));
    }
  }
}
