package dev.vigil.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.VigilException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes outcomes where people and CI read them: {@code <check>.json} per check, and one JUnit XML
 * file (one test case per outcome, grouped in a suite per check) for Zuul or Jenkins.
 */
public final class OutcomeFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

  private OutcomeFiles() {}

  /** {@code dir/<check>.json}: the outcomes of one check and whether it passed. */
  public static Path writeJson(Path dir, String check, List<Outcome> outcomes) {
    Path file = dir.resolve(check + ".json");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("check", check);
    doc.put("passed", outcomes.stream().noneMatch(Outcome::failed));
    doc.put("outcomes", outcomes);
    try {
      JSON.writeValue(file.toFile(), doc);
      return file;
    } catch (IOException e) {
      throw new VigilException("cannot write " + file + " (" + e.getMessage() + "): check the output folder");
    }
  }

  /** A JUnit XML file with a suite per check, in the order given. */
  public static Path writeJUnit(Path file, List<Outcome> outcomes) {
    Map<String, List<Outcome>> byCheck = new LinkedHashMap<>();
    outcomes.forEach(o -> byCheck.computeIfAbsent(o.check(), k -> new java.util.ArrayList<>()).add(o));
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      w.write("<testsuites name=\"vigil\" tests=\"" + outcomes.size() + "\" failures=\"" + count(outcomes, Outcome.Status.FAILED)
          + "\" errors=\"" + count(outcomes, Outcome.Status.ERROR) + "\" skipped=\"" + count(outcomes, Outcome.Status.SKIPPED) + "\">\n");
      for (Map.Entry<String, List<Outcome>> suite : byCheck.entrySet()) {
        List<Outcome> cases = suite.getValue();
        w.write("  <testsuite name=\"" + xml(suite.getKey()) + "\" tests=\"" + cases.size() + "\" failures=\""
            + count(cases, Outcome.Status.FAILED) + "\" errors=\"" + count(cases, Outcome.Status.ERROR) + "\" skipped=\""
            + count(cases, Outcome.Status.SKIPPED) + "\">\n");
        for (Outcome o : cases) {
          String name = o.service() == null ? o.test() : o.service() + ": " + o.test();
          w.write("    <testcase classname=\"vigil." + xml(o.check()) + "\" name=\"" + xml(name) + "\"");
          String details = o.message() + (o.evidence().isEmpty() ? "" : "\n" + String.join("\n", o.evidence()));
          switch (o.status()) {
            case PASSED -> w.write(o.evidence().isEmpty() ? "/>\n" : ">\n      <system-out>" + xml(details) + "</system-out>\n    </testcase>\n");
            case FAILED -> w.write(">\n      <failure message=\"" + xml(o.message()) + "\">" + xml(details) + "</failure>\n    </testcase>\n");
            case ERROR -> w.write(">\n      <error message=\"" + xml(o.message()) + "\">" + xml(details) + "</error>\n    </testcase>\n");
            case SKIPPED -> w.write(">\n      <skipped message=\"" + xml(o.message()) + "\"/>\n    </testcase>\n");
          }
        }
        w.write("  </testsuite>\n");
      }
      w.write("</testsuites>\n");
      return file;
    } catch (IOException e) {
      throw new VigilException("cannot write " + file + " (" + e.getMessage() + "): check the output folder");
    }
  }

  private static long count(List<Outcome> outcomes, Outcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          // XML 1.0 forbids most control characters; they would make the file unreadable to CI.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
