package dev.vigil.result;

import java.util.ArrayList;
import java.util.List;

/**
 * The phase marks of a window, in time order: a phase lasts from its mark to the next mark (the
 * last one to the window's end). Requests are placed by their start time.
 */
final class Phases {

  record Mark(String name, long startMs) {}

  private final List<Mark> marks;
  private final long[] starts;

  Phases(List<Mark> sortedMarks) {
    this.marks = List.copyOf(sortedMarks);
    this.starts = marks.stream().mapToLong(Mark::startMs).toArray();
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
