package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionTest {

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private final Map<String, String> vars = new HashMap<>(Map.of("name", "vigil-1"));

  @Test
  void takesAPointerAFoundElementAndATemplate() {
    byte[] body = json("{\"server\": {\"id\": \"s1\"}, \"flavors\": [{\"name\": \"m1.big\", \"id\": \"f2\"}, {\"name\": \"m1.nano\", \"id\": \"f1\"}]}");
    Extract missing = Extraction.into(vars, List.of(
        Extract.pointer("server", "/server/id"),
        Extract.find("flavor", "/flavors", "name", "m1.nano", "id"),
        Extract.template("object", "#{name}-object")), body);

    assertThat(missing).isNull();
    assertThat(vars).containsEntry("server", "s1").containsEntry("flavor", "f1").containsEntry("object", "vigil-1-object");
  }

  @Test
  void anExtractMayUseWhatTheOneBeforeItTook() {
    byte[] body = json("{\"network\": {\"id\": \"n1\"}, \"subnets\": [{\"network_id\": \"n0\", \"id\": \"s0\"}, {\"network_id\": \"n1\", \"id\": \"s1\"}]}");
    Extract missing = Extraction.into(vars, List.of(
        Extract.pointer("network", "/network/id"),
        Extract.find("subnet", "/subnets", "network_id", "#{network}", "id")), body);

    assertThat(missing).isNull();
    assertThat(vars).containsEntry("subnet", "s1");
  }

  @Test
  void stopsAtTheFirstThatFindsNothingAndSetsNothingFromThere() {
    Extract absent = Extract.pointer("b", "/b");
    Extract missing = Extraction.into(vars, List.of(Extract.pointer("a", "/a"), absent, Extract.pointer("c", "/c")),
        json("{\"a\": \"1\", \"c\": \"3\"}"));

    assertThat(missing).isSameAs(absent);
    assertThat(vars).containsEntry("a", "1").doesNotContainKeys("b", "c");
  }

  @Test
  void anEmptyStringOrAnObjectIsNoValue() {
    assertThat(Extraction.into(vars, List.of(Extract.pointer("id", "/id")), json("{\"id\": \"\"}"))).isNotNull();
    assertThat(Extraction.into(vars, List.of(Extract.pointer("id", "/thing")), json("{\"thing\": {\"id\": \"t1\"}}"))).isNotNull();
    assertThat(Extraction.into(vars, List.of(Extract.find("id", "/things", "name", "x", "id")), json("{\"things\": [{\"name\": \"x\", \"id\": {}}]}")))
        .isNotNull();
    assertThat(vars).doesNotContainKey("id");
  }

  @Test
  void aNumberIsTakenAsText() {
    assertThat(Extraction.into(vars, List.of(Extract.pointer("port", "/port")), json("{\"port\": 8080}"))).isNull();
    assertThat(vars).containsEntry("port", "8080");
  }

  @Test
  void aBodyThatIsNotJsonHoldsNothingButATemplateNeedsNoBody() {
    assertThat(Extraction.into(vars, List.of(Extract.pointer("id", "/id")), json("<html>502 Bad Gateway</html>"))).isNotNull();
    assertThat(Extraction.into(vars, List.of(Extract.pointer("id", "/id")), null)).isNotNull();
    assertThat(Extraction.into(vars, List.of(Extract.template("object", "#{name}")), null)).isNull();
    assertThat(vars).containsEntry("object", "vigil-1").doesNotContainKey("id");
  }

  @Test
  void saysWhatItLookedFor() {
    vars.put("flow_flavor", "m1.nano");
    assertThat(Extraction.missing(Extract.find("flavor", "/flavors", "name", "#{flow_flavor}", "id"), vars))
        .isEqualTo("no element of /flavors with name \"m1.nano\"");
    assertThat(Extraction.missing(Extract.pointer("server", "/server/id"), vars)).isEqualTo("no /server/id");
  }
}
