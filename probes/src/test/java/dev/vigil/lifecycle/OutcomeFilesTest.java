package dev.vigil.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class OutcomeFilesTest {

  @TempDir Path dir;

  @Test
  void junitHasASuitePerCheckAndACasePerOutcome() throws Exception {
    List<Outcome> outcomes =
        List.of(
            Outcome.passed("release-version", "runs the expected release", "compute", "zed", List.of("max microversion 2.93")),
            Outcome.failed("release-version", "runs the expected release", "image", "expected 2023.1, runs zed", List.of("v2.15 <CURRENT>")),
            Outcome.skipped("system-health", "tempest smoke passes", null, "tempest is not installed"));
    Path file = OutcomeFiles.writeJUnit(dir.resolve("junit.xml"), outcomes);

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("3");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).contains("v2.15 <CURRENT>");
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void jsonSaysWhetherTheCheckPassed() throws Exception {
    Path file = OutcomeFiles.writeJson(dir, "release-version",
        List.of(Outcome.failed("release-version", "runs the expected release", "image", "expected 2023.1, runs zed", List.of())));
    assertThat(Files.readString(file)).contains("\"passed\" : false").contains("\"service\" : \"image\"");
  }
}
