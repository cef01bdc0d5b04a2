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

  /** Phase {@code name} begins now and lasts until the next phase mark or the window's end. */
  public static EventRecord phase(long timestampMs, String name) {
    return new EventRecord(timestampMs, EventKind.PHASE, null, name);
  }

  public static EventRecord note(long timestampMs, String service, String text) {
    return new EventRecord(timestampMs, EventKind.NOTE, service, text);
  }
}
