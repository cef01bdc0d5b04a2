package dev.vigil.flow;

import dev.vigil.recording.EventRecord;
import dev.vigil.recording.FlowRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.RunRecorder;

/**
 * Receives what flows produce. Called on the interpreter's thread (in Gatling, a load generator
 * thread): implementations must not block.
 */
public interface FlowListener {

  /** Every request a flow sends, including prepare, teardown and cleanup requests. */
  void request(RequestRecord record);

  /** The end of every accepted create request. */
  void flow(FlowRecord record);

  /** Something worth keeping with the run: a circuit breaker opened, a leftover was swept. */
  default void note(String service, String text) {}

  /** A service's circuit breaker opened: its flows stop for the rest of the window. */
  default void breakerOpened(String service) {}

  /** Writes everything to a run folder's recorder (which never blocks). */
  static FlowListener recording(RunRecorder recorder) {
    return new FlowListener() {
      @Override
      public void request(RequestRecord record) {
        recorder.record(record);
      }

      @Override
      public void flow(FlowRecord record) {
        recorder.flow(record);
      }

      @Override
      public void note(String service, String text) {
        recorder.event(EventRecord.note(System.currentTimeMillis(), service, text));
      }
    };
  }

  /** Drops everything: for callers that only want the outcome. */
  FlowListener NONE =
      new FlowListener() {
        @Override
        public void request(RequestRecord record) {}

        @Override
        public void flow(FlowRecord record) {}
      };
}
