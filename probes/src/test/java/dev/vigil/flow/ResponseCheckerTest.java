package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseCheckerTest {

  private static final Map<String, String> VARS = Map.of("name", "vigil-1");

  private static Step readBack(ResponseCheck... checks) {
    Step.Builder b = Step.call("show", "GET", "things/1").expect(200);
    for (ResponseCheck c : checks) {
      b.check(c);
    }
    return b.build();
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void passesWhenTheValueIsWhatWasAskedFor() {
    Step step = readBack(ResponseCheck.jsonEquals("/thing/name", "#{name}"));
    assertThat(ResponseChecker.problem(step, json("{\"thing\": {\"name\": \"vigil-1\"}}"), VARS, null)).isNull();
  }

  @Test
  void saysWhatItGotAndWhatItExpected() {
    Step step = readBack(ResponseCheck.jsonEquals("/thing/name", "#{name}"));
    assertThat(ResponseChecker.problem(step, json("{\"thing\": {\"name\": \"other\"}}"), VARS, null))
        .isEqualTo("show: /thing/name is \"other\", expected \"vigil-1\"");
    assertThat(ResponseChecker.problem(step, json("{\"thing\": {}}"), VARS, null))
        .isEqualTo("show: /thing/name is missing, expected \"vigil-1\"");
    assertThat(ResponseChecker.problem(step, json("not json"), VARS, null))
        .isEqualTo("show: /thing/name is missing, expected \"vigil-1\"");
  }

  @Test
  void theFirstFailedCheckIsTheProblem() {
    Step step = readBack(ResponseCheck.jsonEquals("/a", "1"), ResponseCheck.jsonEquals("/b", "2"), ResponseCheck.jsonEquals("/c", "3"));
    assertThat(ResponseChecker.problem(step, json("{\"a\": \"1\", \"b\": \"x\", \"c\": \"y\"}"), VARS, null)).startsWith("show: /b is \"x\"");
  }

  @Test
  void comparesThePayloadReadBackByMd5() {
    Payload written = Payload.random(64);
    Step step = readBack(ResponseCheck.payload());

    assertThat(ResponseChecker.problem(step, written.bytes().clone(), VARS, written.md5())).isNull();
    byte[] corrupted = written.bytes().clone();
    corrupted[10] ^= 1;
    assertThat(ResponseChecker.problem(step, corrupted, VARS, written.md5()))
        .isEqualTo("show: the bytes read back differ from those written (md5 " + Md5.hex(corrupted) + ", wrote " + written.md5() + ")");
    assertThat(ResponseChecker.problem(step, null, VARS, written.md5())).contains("md5 d41d8cd98f00b204e9800998ecf8427e");
  }

  @Test
  void withoutAWrittenPayloadThereIsNothingToCompare() {
    assertThat(ResponseChecker.problem(readBack(ResponseCheck.payload()), json("anything"), VARS, null)).isNull();
  }
}
