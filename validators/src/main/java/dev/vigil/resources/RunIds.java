package dev.vigil.resources;

import dev.vigil.VigilException;
import java.util.regex.Pattern;

/**
 * Which cloud-side names belong to Vigil runs. Every resource Vigil creates is named with its run
 * id first ({@code vigil-20261125-134501-a3f9-server}), so a name alone tells whose it is, even
 * after a crash left no record.
 */
public final class RunIds {

  /** A run id as {@code RunFolder} makes them: {@code vigil-<yyyyMMdd>-<HHmmss>-<4 hex>}. */
  public static final Pattern RUN_ID = Pattern.compile("vigil-\\d{8}-\\d{6}-[0-9a-f]{4}");

  private static final Pattern ANY_RUN_NAME = Pattern.compile("^" + RUN_ID.pattern() + "(-.*)?$");

  private RunIds() {}

  public static boolean isRunId(String s) {
    return s != null && RUN_ID.matcher(s).matches();
  }

  /** A run id given by a user, checked, so that a typo cannot widen a sweep. */
  public static String require(String s) {
    if (!isRunId(s)) {
      throw new VigilException("\"" + s + "\" is not a Vigil run id (like vigil-20261125-134501-a3f9): copy it from the run folder's name");
    }
    return s;
  }

  /** Names of one run's resources: the run id itself or the run id and a suffix. */
  public static NameFilter of(String runId) {
    String id = require(runId);
    return new NameFilter(id, name -> name != null && (name.equals(id) || name.startsWith(id + "-")));
  }

  /** Names of any Vigil run's resources. */
  public static NameFilter any() {
    return new NameFilter(null, name -> name != null && ANY_RUN_NAME.matcher(name).matches());
  }

  /**
   * Selects resource names.
   *
   * @param runId the one run selected, or null for any run
   */
  public record NameFilter(String runId, java.util.function.Predicate<String> test) {
    public boolean matches(String name) {
      return test.test(name);
    }

    public String describe() {
      return runId == null ? "any Vigil run (names like vigil-YYYYMMDD-HHMMSS-xxxx-…)" : "run " + runId;
    }
  }
}
