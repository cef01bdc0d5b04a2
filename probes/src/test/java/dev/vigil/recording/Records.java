package dev.vigil.recording;

/** Test records. */
final class Records {

  private Records() {}

  static RequestRecord ok(long startMs) {
    return new RequestRecord(startMs, startMs + 3, "identity", "validate-token", "GET", Traffic.PROBE,
        Connection.NEW, 200, ErrorKind.NONE, true, "req-" + startMs);
  }
}
