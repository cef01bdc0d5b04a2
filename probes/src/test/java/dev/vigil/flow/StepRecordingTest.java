package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import org.junit.jupiter.api.Test;

class StepRecordingTest {

  private static final Step FIND_IMAGE = Step.setup("find-image", "GET", "v2/images").service("image").expect(200).build();

  private static RequestRecord recorded(int status, ErrorKind transport, boolean ok) {
    return StepRecording.of("compute", FIND_IMAGE, new FlowResponse(status, "req-9", null, 100, 250, transport), ok, Traffic.LOAD);
  }

  @Test
  void recordsUnderTheFlowsServiceWhateverServiceTheStepAsks() {
    RequestRecord r = recorded(200, ErrorKind.NONE, true);
    assertThat(r).isEqualTo(new RequestRecord(100, 250, "compute", "find-image", "GET", Traffic.LOAD, Connection.REUSED, 200, ErrorKind.NONE, true, "req-9"));
  }

  @Test
  void noAnswerIsItsTransportErrorAndAConnectErrorWhenUnknown() {
    assertThat(recorded(0, ErrorKind.TIMEOUT, false).error()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(recorded(0, null, false).error()).isEqualTo(ErrorKind.CONNECT);
    assertThat(recorded(0, null, false).ok()).isFalse();
  }

  @Test
  void aSuccessTheFlowJudgedWrongIsAnOtherError() {
    RequestRecord r = recorded(200, ErrorKind.NONE, false);
    assertThat(r.error()).isEqualTo(ErrorKind.OTHER);
    assertThat(r.ok()).isFalse();
  }

  @Test
  void a404TheFlowAskedForIsGoodAndOneItDidNotIsAnError() {
    RequestRecord asked = recorded(404, ErrorKind.NONE, true);
    assertThat(asked.error()).isEqualTo(ErrorKind.NONE);
    assertThat(asked.ok()).isTrue();
    RequestRecord refused = recorded(404, ErrorKind.NONE, false);
    assertThat(refused.error()).isEqualTo(ErrorKind.HTTP_4XX);
    assertThat(refused.ok()).isFalse();
  }

  @Test
  void anotherErrorStatusIsNeverGoodEvenWhenTheFlowGoesOn() {
    // a wait rides out a 503 (the flow returns false for it), a delete's 409 likewise
    assertThat(recorded(503, ErrorKind.NONE, true).ok()).isFalse();
    assertThat(recorded(503, ErrorKind.NONE, true).error()).isEqualTo(ErrorKind.HTTP_5XX);
    assertThat(recorded(401, ErrorKind.NONE, false).error()).isEqualTo(ErrorKind.UNAUTHORIZED);
  }
}
