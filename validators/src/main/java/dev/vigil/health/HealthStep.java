package dev.vigil.health;

/**
 * One request of the health smoke and how it went.
 *
 * @param name fixed, e.g. {@code list-images}, {@code put-object}
 * @param passed whether the service answered as it should
 * @param detail what happened: {@code GET http://…/v2/images?limit=1 → HTTP 200 in 12 ms}
 */
record HealthStep(String name, boolean passed, String detail) {

  String line() {
    return (passed ? "ok     " : "FAILED ") + name + ": " + detail;
  }
}
