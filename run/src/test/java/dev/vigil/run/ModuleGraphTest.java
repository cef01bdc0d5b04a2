package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's layout table says which module uses which; the POMs decide. */
class ModuleGraphTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void theReadmeLayoutNamesEachModulesCompileDependencies() throws Exception {
    TreeMap<String, Set<String>> poms = new TreeMap<>();
    for (String module : modules()) {
      poms.put(module, compileDependencies(module));
    }
    TreeMap<String, Set<String>> readme = readmeTable(poms.keySet());
    assertThat(readme).as("README.md's Layout table ('uses') against the POMs").isEqualTo(poms);
  }

  @Test
  void nothingPointsBackUp() throws Exception {
    List<String> order = modules(); // the reactor's order: a module comes after what it uses
    for (String module : order) {
      for (String used : compileDependencies(module)) {
        assertThat(order.indexOf(used)).as(module + " uses " + used).isLessThan(order.indexOf(module));
      }
    }
  }

  private static List<String> modules() throws Exception {
    List<String> modules = new ArrayList<>();
    Matcher m = Pattern.compile("<module>([\\w-]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }

  /** vigil-* dependencies without a test scope, as folder names (vigil-lab-tests is lab/). */
  private static Set<String> compileDependencies(String module) throws Exception {
    String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml")).replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "");
    Set<String> used = new TreeSet<>();
    Matcher d = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(pom);
    while (d.find()) {
      Matcher a = Pattern.compile("<artifactId>vigil-([\\w-]+?)(-tests)?</artifactId>").matcher(d.group(1));
      if (a.find() && !d.group(1).contains("<scope>test</scope>")) {
        used.add(a.group(1));
      }
    }
    return used;
  }

  private static TreeMap<String, Set<String>> readmeTable(Set<String> modules) throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String layout = readme.substring(readme.indexOf("## Layout"));
    TreeMap<String, Set<String>> table = new TreeMap<>();
    Matcher row = Pattern.compile("(?m)^\\| `([\\w-]+)/` \\| ([^|]*) \\|").matcher(layout);
    while (row.find()) {
      if (!modules.contains(row.group(1))) {
        continue;
      }
      String uses = row.group(2).replaceAll("\\(.*?\\)", "").replace("—", "").strip();
      table.put(row.group(1), uses.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(uses.split(",\\s*"))));
    }
    return table;
  }
}
