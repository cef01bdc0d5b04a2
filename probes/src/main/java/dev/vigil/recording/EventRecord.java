package dev.vigil.recording;

import java.util.Objects;

/**
 * Something that happened during the window besides requests: window bounds, phase marks, driver
 * steps, notes.
 *
 * @param timestampMs epoch ms
 * @param kind what it marks
 * @param service catalog type it concerns, or null for the whole cloud
 * @param text phase name, {@code start}/{@code end} for WINDOW, or free text
 */
public record EventRecord(long timestampMs, EventKind kind, String service, String text) {

  public EventRecord {
    Objects.requireNonNull(kind, "kind");
    service = service == null || service.isEmpty() ? null : service;
    text = text == null ? "" : text;
  }

  public static EventRecord windowStart(long timestampMs) {
    return new EventRecord(timestampMs, EventKind.WINDOW, null, "start");
  }

  public static EventRecord windowEnd(long timestampMs) {
    return new EventRecord(timestampMs, EventKind.WINDOW, null, "end");
  }

  /** The WINDOW text of {@link #probesEnd}. */
  public static final String PROBES_END = "probes-end";
  /** The WINDOW text of {@link #observersExit}, followed by the exit code. */
  public static final String OBSERVERS_EXIT = "observers-exit";

  /**
   * The injector stops sending probes now, as it closes the window: coverage is measured up to
   * here, so the moments Gatling takes to stop are not blind time.
   */
  public static EventRecord probesEnd(long timestampMs) {
    return new EventRecord(timestampMs, EventKind.WINDOW, null, PROBES_END);
  }

  /** Written by the CLI when the injector's JVM ended, with its exit code: a death shows as a missing window end before it. */
  public static EventRecord observersExit(long timestampMs, int exitCode) {
    return new EventRecord(timestampMs, EventKind.WINDOW, null, OBSERVERS_EXIT + " " + exitCode);
  }

  /** Phase {@code name} begins now and lasts until the next phase mark or the window's end. */
  public static EventRecord phase(long timestampMs, String name) {
    return new EventRecord(timestampMs, EventKind.PHASE, null, name);
  }

  public static EventRecord note(long timestampMs, String service, String text) {
    return new EventRecord(timestampMs, EventKind.NOTE, service, text);
  }
}
