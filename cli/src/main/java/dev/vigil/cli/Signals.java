package dev.vigil.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C and SIGTERM into a request to end the window cleanly, instead of the JVM's abrupt
 * exit: what was measured must still be analysed and written. A second Ctrl-C exits at once.
 */
final class Signals implements AutoCloseable {

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile boolean received;

  private Signals() {}

  static Signals onInterrupt(Runnable action) {
    Signals s = new Signals();
    for (String name : List.of("INT", "TERM")) {
      Signal signal = new Signal(name);
      s.signals.add(signal);
      s.previous.add(
          Signal.handle(
              signal,
              sig -> {
                if (s.received) {
                  System.err.println("vigil: interrupted again, exiting now; the run folder keeps what was recorded");
                  Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
                }
                s.received = true;
                action.run();
              }));
    }
    return s;
  }

  boolean received() {
    return received;
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
