package dev.vigil.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.VigilException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A fake machine for the loader: working dir, home, /etc and environment, all under one temp dir. */
final class CloudFixture {

  static final String PASSWORD = "s3cr3t-Pa55word";
  static final String APP_SECRET = "app-cred-S3CRET";

  /** For the parts of the loader tested alone: a cloud of clouds.yaml, its messages start so. */
  static final CloudOrigin FILE =
      CloudOrigin.file("c", "clouds.yaml:2", Path.of("clouds.yaml"), null);
  static final String FILE_SUBJECT = "clouds.yaml:2: cloud \"c\": ";
  /** The same for a cloud of OS_* variables. */
  static final CloudOrigin ENV = CloudOrigin.env("envvars", List.of("OS_AUTH_URL"));
  static final String ENV_SUBJECT = "cloud \"envvars\" (from OS_AUTH_URL): ";

  final Path root;
  final Path cwd;
  final Path home;
  final Path etc;
  final Map<String, String> env = new HashMap<>();

  CloudFixture(Path root) {
    this.root = root;
    this.cwd = dir(root.resolve("work"));
    this.home = dir(root.resolve("home"));
    this.etc = dir(root.resolve("etc"));
  }

  /** Writes {@code text} to {@code file}, creating its directory. */
  Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path cwdFile(String name, String text) {
    return write(cwd.resolve(name), text);
  }

  Path userFile(String name, String text) {
    return write(home.resolve(".config/openstack").resolve(name), text);
  }

  Path etcFile(String name, String text) {
    return write(etc.resolve("openstack").resolve(name), text);
  }

  CloudFixture env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CloudConfigLoader loader() {
    return CloudConfigLoader.of(env, cwd, home, etc.resolve("openstack"));
  }

  CloudConfig load(String cloud) {
    return loader().load(cloud);
  }

  /** The message of the VigilException that {@code call} throws; also checks it is one line. */
  static String failure(ThrowingCallable call) {
    Throwable t = Assertions.catchThrowable(call);
    Assertions.assertThat(t).isInstanceOf(VigilException.class);
    Assertions.assertThat(t.getMessage())
        .doesNotContain("\n")
        .doesNotContain(PASSWORD)
        .doesNotContain(APP_SECRET);
    return t.getMessage();
  }

  /** A complete password cloud named {@code name}. */
  static String passwordCloud(String name, String authUrl) {
    return "  " + name + ":\n"
        + "    auth:\n"
        + "      auth_url: " + authUrl + "\n"
        + "      username: alice\n"
        + "      password: " + PASSWORD + "\n"
        + "      user_domain_name: Default\n"
        + "      project_name: demo\n"
        + "      project_domain_name: Default\n";
  }

  /** One cloud's settings, written as in clouds.yaml (flow style is handy: {@code {a: b}}). */
  static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) new YAMLMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String clouds(String... entries) {
    return "clouds:\n" + String.join("", entries);
  }

  private static Path dir(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
