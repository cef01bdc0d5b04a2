package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a flow reads from an answer besides its variables: a poll's state and fault, a refusal's message. */
class AnswerReadingTest {

  private static final Poll POLL = Poll.of("/server/status", Set.of("ACTIVE"), Set.of("ERROR")).withFault("/server/fault/message");

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static FlowResponse answer(int status, String body) {
    return new FlowResponse(status, null, body == null ? null : json(body), 0, 1, ErrorKind.NONE);
  }

  @Test
  void readsTheStateAndTheFaultWhereThePollSays() {
    byte[] body = json("{\"server\": {\"status\": \"ERROR\", \"fault\": {\"message\": \"No valid host was found.\"}}}");
    assertThat(PollStatus.state(POLL, body)).isEqualTo("ERROR");
    assertThat(PollStatus.fault(POLL, body)).isEqualTo(" (No valid host was found.)");
  }

  @Test
  void anAnswerWithoutAStateOrFaultHasNone() {
    assertThat(PollStatus.state(POLL, json("{\"server\": {}}"))).isNull();
    assertThat(PollStatus.state(POLL, json("{\"server\": {\"status\": {\"code\": 1}}}"))).isNull();
    assertThat(PollStatus.state(POLL, json("<html>503</html>"))).isNull();
    assertThat(PollStatus.state(POLL, null)).isNull();
    assertThat(PollStatus.fault(POLL, json("{\"server\": {\"status\": \"ERROR\"}}"))).isEmpty();
    assertThat(PollStatus.fault(POLL, json("not json"))).isEmpty();
    assertThat(PollStatus.fault(Poll.of("/server/status", Set.of(), Set.of()), json("{\"server\": {\"fault\": {\"message\": \"x\"}}}"))).isEmpty();
  }

  @Test
  void aRefusalCarriesTheServicesFirstMessageOnOneLine() {
    assertThat(ServiceMessage.of(answer(400, "{\"badRequest\": {\"code\": 400, \"message\": \"Flavor's disk is too small\\n  for requested image.\"}}")))
        .isEqualTo(" (Flavor's disk is too small for requested image.)");
    assertThat(ServiceMessage.of(answer(409, "{\"error\": {\"message\": \"  \", \"detail\": {\"message\": \"in use\"}}}"))).isEqualTo(" (in use)");
  }

  @Test
  void aSuccessOrAnAnswerWithoutAMessageSaysNothingMore() {
    assertThat(ServiceMessage.of(answer(202, "{\"message\": \"accepted\"}"))).isEmpty();
    assertThat(ServiceMessage.of(answer(500, "<html>Internal Server Error</html>"))).isEmpty();
    assertThat(ServiceMessage.of(answer(404, null))).isEmpty();
    assertThat(ServiceMessage.of(answer(403, "{\"message\": 403}"))).isEmpty();
  }

  @Test
  void aDetailIsClippedToOneShortLine() {
    assertThat(DetailText.clip("a\nb\tc")).isEqualTo("a b c");
    String longer = "x".repeat(DetailText.MAX + 1);
    assertThat(DetailText.clip(longer)).isEqualTo("x".repeat(DetailText.MAX) + "…");
    assertThat(DetailText.clip("x".repeat(DetailText.MAX))).isEqualTo("x".repeat(DetailText.MAX));
  }
}
