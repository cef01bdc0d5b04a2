package dev.vigil.resources;

import dev.vigil.cloud.CloudConfig;
import dev.vigil.identity.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What the resource kinds share: both API clients, the token's project and where progress goes. */
public final class Api {

  private final Rest rest;
  private final Os4j os4j;
  private final Consumer<String> progress;

  Api(Rest rest, Os4j os4j, Consumer<String> progress) {
    this.rest = rest;
    this.os4j = os4j;
    this.progress = progress;
  }

  /**
   * @param patience how long calls are retried while a service restarts (an {@code after} right
   *     after an upgrade step meets services that are still starting)
   */
  public static Api open(CloudConfig cloud, Supplier<Token> token, Duration patience, Consumer<String> progress) {
    return new Api(new Rest(cloud, token, patience), new Os4j(cloud, token, patience), progress);
  }

  Rest rest() {
    return rest;
  }

  Os4j os4j() {
    return os4j;
  }

  public String projectId() {
    return rest.token().projectId();
  }

  public CloudConfig cloud() {
    return rest.cloud();
  }

  void progress(String line) {
    progress.accept(line);
  }

  static String now() {
    return Instant.now().toString();
  }
}
