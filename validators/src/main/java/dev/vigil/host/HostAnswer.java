package dev.vigil.host;

import java.util.List;

/**
 * What one command where a service runs came to.
 *
 * @param place where it ran
 * @param command the command line as stored (secrets hidden)
 * @param problem why there is no answer of the command itself, or {@link Problem#NONE}
 * @param exitCode the command's exit code; null when it did not end by itself
 * @param output what it printed on stdout, secrets hidden
 * @param errors what it printed on stderr, secrets hidden
 * @param seconds how long it took
 */
public record HostAnswer(Place place, String command, Problem problem, Integer exitCode, List<String> output, List<String> errors,
    double seconds) {

  public HostAnswer {
    output = List.copyOf(output);
    errors = List.copyOf(errors);
  }

  /** Why a command gave no answer of its own; each one is a line and an outcome, never a crash. */
  public enum Problem {
    NONE(null),
    /** ssh (or the template's command) could not reach the host. */
    UNREACHABLE("cannot reach the host"),
    /** The container the service runs in does not exist or does not run there. */
    NO_CONTAINER("no such container"),
    /** The command (a status tool, dpkg-query) is not installed where the service runs. */
    NOT_INSTALLED("not installed"),
    /** It ran longer than host_access.timeout and was stopped. */
    TIMEOUT("timed out"),
    /** The command could not even be started here (no ssh, docker or sh on this machine). */
    CANNOT_START("cannot start");

    private final String what;

    Problem(String what) {
      this.what = what;
    }

    public String what() {
      return what;
    }
  }

  public boolean answered() {
    return problem == Problem.NONE;
  }

  /** One line: what happened, with the last line the command printed on stderr when it says why. */
  public String summary() {
    String why = errors.isEmpty() ? "" : ": " + errors.get(errors.size() - 1);
    return switch (problem) {
      case NONE -> "exit " + exitCode;
      case TIMEOUT -> "timed out after " + Math.round(seconds) + " s and was stopped";
      default -> problem.what() + (exitCode == null ? "" : " (exit " + exitCode + ")") + why;
    };
  }
}
