package dev.vigil.resources;

import dev.vigil.lifecycle.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects what changed in one resource between before and after, and turns it into its outcome. */
final class Diff {

  private final ResourceRecord before;
  private final List<String> changes = new ArrayList<>();
  private final List<String> evidence = new ArrayList<>();

  Diff(ResourceRecord before) {
    this.before = before;
    if (before.requestId() != null) {
      evidence.add("created by request " + before.requestId() + " at " + before.createdAt());
    }
  }

  /** Compares a recorded state value with the current one. */
  Diff same(String key, String now) {
    return same(key, before.state(key), now);
  }

  Diff same(String what, String expected, String now) {
    if (!Objects.equals(expected, now)) {
      changes.add(what + " was " + expected + ", is now " + now);
    } else if (now != null) {
      evidence.add(what + " " + now);
    }
    return this;
  }

  Diff change(String text) {
    changes.add(text);
    return this;
  }

  Diff evidence(String line) {
    evidence.add(line);
    return this;
  }

  Outcome outcome() {
    String test = test(before);
    String service = before.kind().service().type();
    if (changes.isEmpty()) {
      return Outcome.passed(PersistentResources.NAME, test, service, before.describe() + " unchanged", evidence);
    }
    return Outcome.failed(PersistentResources.NAME, test, service, before.describe() + ": " + String.join("; ", changes), evidence);
  }

  /** The resource is gone: the one outcome that needs no comparison. */
  static Outcome gone(ResourceRecord before, String how) {
    return new Diff(before).change("it is gone (" + how + ")").outcome();
  }

  /** Fixed test names (no ids), so CI tracks them across runs; objects are told apart by their fixed names. */
  static String test(ResourceRecord r) {
    return (r.kind() == Kind.OBJECT ? "object " + r.name() : r.kind().label()) + " unchanged";
  }
}
