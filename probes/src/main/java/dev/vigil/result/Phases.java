package dev.vigil.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The phase marks of a window, in time order: a phase lasts from its mark to the next mark (the
 * last one to the window's end). Requests are placed by their start time. The one place of the
 * rule "which phase was an instant in": the analyzer, the per-kind latencies, the compare and the
 * InfluxDB points all ask here.
 */
public final class Phases {

  public record Mark(String name, long startMs) {}

  private final List<Mark> marks;
  private final long[] starts;

  Phases(List<Mark> sortedMarks) {
    this.marks = List.copyOf(sortedMarks);
    this.starts = marks.stream().mapToLong(Mark::startMs).toArray();
  }

  /** None yet: a live reader adds the marks as they come ({@link #with}). */
  public static Phases none() {
    return new Phases(List.of());
  }

  /** The phases of a finished window, as result.json lists them. */
  public static Phases of(List<WindowResult.PhaseSpan> spans) {
    return new Phases(spans.stream().map(p -> new Mark(p.name(), p.start().toEpochMilli())).sorted(Comparator.comparingLong(Mark::startMs)).toList());
  }

  /** These phases and one more mark (kept in time order). */
  public Phases with(Mark mark) {
    List<Mark> more = new ArrayList<>(marks);
    more.add(mark);
    more.sort(Comparator.comparingLong(Mark::startMs));
    return new Phases(more);
  }

  /** The name of the phase in effect at {@code timeMs}: the last one marked at or before it; null before the first mark. */
  public String nameAt(long timeMs) {
    int i = indexAt(timeMs);
    return i < 0 ? null : marks.get(i).name();
  }

  boolean isEmpty() {
    return marks.isEmpty();
  }

  /** Index of the phase in effect at {@code timeMs}, or -1 before the first mark. */
  int indexAt(long timeMs) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= timeMs) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  String name(int index) {
    return marks.get(index).name();
  }

  long startMs(int index) {
    return starts[index];
  }

  long endMs(int index, long windowEndMs) {
    return index + 1 < starts.length ? starts[index + 1] : Math.max(windowEndMs, starts[index]);
  }

  /** Distinct names in order of first mark. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    for (Mark m : marks) {
      if (!names.contains(m.name())) {
        names.add(m.name());
      }
    }
    return names;
  }

  int size() {
    return marks.size();
  }
}
