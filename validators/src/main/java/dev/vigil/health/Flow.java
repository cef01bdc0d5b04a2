package dev.vigil.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records the steps of one smoke flow; {@link #ok} tells whether to go on. */
final class Flow {

  private final List<Step> steps = new ArrayList<>();

  /** Records a request's step: passed when its status is one of {@code expected}. */
  boolean step(String name, String method, String url, Reply reply, Set<Integer> expected) {
    boolean passed = reply.is(expected);
    steps.add(new Step(name, passed, method + " " + url + " → " + reply.describe() + (passed ? "" : " (expected " + expected + ")")));
    return passed;
  }

  /** Records a check on what came back (bytes equal, id present). */
  boolean check(String name, boolean passed, String detail) {
    steps.add(new Step(name, passed, detail));
    return passed;
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }
}
