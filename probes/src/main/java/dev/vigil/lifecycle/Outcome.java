package dev.vigil.lifecycle;

import java.util.List;

/**
 * One judgement of a check: a fixed test name (no numbers or ids in it, so CI can track it across
 * runs), its status, a one-line message, and the evidence behind it, one item a line.
 *
 * @param service the service type it is about, or null for the whole cloud
 */
public record Outcome(String check, String test, String service, Status status, String message, List<String> evidence) {

  public Outcome {
    evidence = List.copyOf(evidence);
  }

  public enum Status {
    PASSED,
    FAILED,
    /** Could not be judged (e.g. Tempest not installed); the message says why. */
    SKIPPED,
    /**
     * Should have been judged, but the evidence is missing or incomplete (an inconclusive verdict):
     * JUnit's error, neither a pass nor a skip a CI might ignore.
     */
    ERROR
  }

  public static Outcome passed(String check, String test, String service, String message, List<String> evidence) {
    return new Outcome(check, test, service, Status.PASSED, message, evidence);
  }

  public static Outcome failed(String check, String test, String service, String message, List<String> evidence) {
    return new Outcome(check, test, service, Status.FAILED, message, evidence);
  }

  public static Outcome error(String check, String test, String service, String message, List<String> evidence) {
    return new Outcome(check, test, service, Status.ERROR, message, evidence);
  }

  public static Outcome skipped(String check, String test, String service, String why) {
    return new Outcome(check, test, service, Status.SKIPPED, why, List.of());
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
