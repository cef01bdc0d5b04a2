package dev.vigil.upgradecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The table every {@code *-status upgrade check} prints (oslo.upgradecheck's): one block per check
 * with {@code Check:}, {@code Result:} and {@code Details:} rows, details wrapped over several
 * rows. Vigil quotes the checks that did not succeed, in the tool's own words.
 */
final class StatusReport {

  private StatusReport() {}

  /** {@code Cells v2: Failure: No host mappings found…}, one item per check whose result is not Success. */
  static List<String> notSucceeded(List<String> output) {
    List<String> out = new ArrayList<>();
    String check = null;
    String result = null;
    StringBuilder details = new StringBuilder();
    boolean inDetails = false;
    for (String raw : output) {
      String line = raw.strip();
      if (line.startsWith("+")) {
        add(out, check, result, details);
        check = null;
        result = null;
        details.setLength(0);
        inDetails = false;
        continue;
      }
      String cell = line.replaceAll("^\\|\\s?", "").replaceAll("\\s*\\|$", "").strip();
      if (cell.startsWith("Check:")) {
        check = cell.substring("Check:".length()).strip();
      } else if (cell.startsWith("Result:")) {
        result = cell.substring("Result:".length()).strip();
      } else if (cell.startsWith("Details:")) {
        details.append(cell.substring("Details:".length()).strip());
        inDetails = true;
      } else if (inDetails && !cell.isEmpty()) {
        details.append(' ').append(cell);
      }
    }
    add(out, check, result, details);
    return out;
  }

  private static void add(List<String> out, String check, String result, StringBuilder details) {
    if (check != null && result != null && !"Success".equalsIgnoreCase(result)) {
      out.add(check + ": " + result + ("None".equals(details.toString()) || details.isEmpty() ? "" : ": " + details));
    }
  }
}
