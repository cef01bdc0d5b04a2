package dev.vigil.influx;

import java.util.List;

/** Sends one batch of line-protocol points; {@link V1Writer} and {@link V2Writer}. */
interface PointWriter extends AutoCloseable {

  /**
   * Writes {@code lines} (one point each) in one request.
   *
   * @throws WriteFailure when the server did not take them
   */
  void write(List<String> lines) throws WriteFailure;

  @Override
  default void close() {}

  /**
   * A batch the server did not take.
   *
   * @param retry whether sending it again later can succeed (server down, database not yet
   *     created, credentials being fixed); false when the server refused the points themselves
   *     (a 400: sending them again gives the same answer)
   */
  final class WriteFailure extends Exception {
    private final boolean retry;

    WriteFailure(String message, boolean retry) {
      super(message);
      this.retry = retry;
    }

    boolean retry() {
      return retry;
    }
  }
}
