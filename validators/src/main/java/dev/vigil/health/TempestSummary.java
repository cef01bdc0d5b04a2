package dev.vigil.health;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code tempest run} printed, read from its console output: the per-test lines and the
 * {@code Totals} block of stestr's subunit_trace (stestr/subunit_trace.py: show_outcome and
 * print_summary), which Tempest's run command prints. Parsing the console needs nothing besides
 * Tempest itself, unlike {@code stestr last --subunit | subunit2junitxml}, which needs the junitxml
 * module that Debian's python3-tempest does not pull in.
 *
 * @param complete whether the Totals block was printed (false: Tempest stopped early)
 * @param failedTests ids of the tests that failed, tags stripped, in the order they failed
 */
public record TempestSummary(
    boolean complete, int ran, int passed, int skipped, int expectedFail, int unexpectedSuccess, int failed, List<String> failedTests) {

  // "{0} tempest.api.identity.v3.test_x.T.test_y [1.234567s] ... FAILED"; also "setUpClass (tempest…T) [0.0s] ... FAILED"
  private static final Pattern FAILED_LINE = Pattern.compile("^\\{[^}]*\\}\\s+(.+?)\\s+\\[[^\\]]*\\]\\s+\\.\\.\\.\\s+FAILED\\s*$");
  private static final Pattern RAN = Pattern.compile("^Ran: (\\d+) tests? in .*");
  private static final Pattern COUNT = Pattern.compile("^ - (Passed|Skipped|Expected Fail|Unexpected Success|Failed): (\\d+)\\s*$");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  public TempestSummary {
    failedTests = List.copyOf(failedTests);
  }

  public static TempestSummary parse(List<String> lines) {
    Set<String> failedTests = new LinkedHashSet<>();
    boolean totals = false;
    boolean complete = false;
    int ran = 0;
    int[] counts = new int[5];
    for (String raw : lines) {
      String line = ANSI.matcher(raw).replaceAll("");
      Matcher f = FAILED_LINE.matcher(line);
      if (f.matches()) {
        failedTests.add(f.group(1));
        continue;
      }
      if (line.equals("Totals")) {
        totals = true;
        continue;
      }
      if (!totals) {
        continue;
      }
      Matcher r = RAN.matcher(line);
      if (r.matches()) {
        ran = Integer.parseInt(r.group(1));
        complete = true;
        continue;
      }
      Matcher c = COUNT.matcher(line);
      if (c.matches()) {
        int n = Integer.parseInt(c.group(2));
        switch (c.group(1)) {
          case "Passed" -> counts[0] = n;
          case "Skipped" -> counts[1] = n;
          case "Expected Fail" -> counts[2] = n;
          case "Unexpected Success" -> counts[3] = n;
          default -> counts[4] = n;
        }
      }
    }
    return new TempestSummary(complete, ran, counts[0], counts[1], counts[2], counts[3], counts[4], new ArrayList<>(failedTests));
  }

  /** {@code 76 passed, 15 skipped, 1 failed of 92}. */
  public String describe() {
    return passed + " passed, " + skipped + " skipped, " + failed + " failed"
        + (unexpectedSuccess > 0 ? ", " + unexpectedSuccess + " unexpectedly passed" : "") + " of " + ran;
  }

  public boolean passedAll() {
    return complete && failed == 0 && unexpectedSuccess == 0 && failedTests.isEmpty();
  }
}
