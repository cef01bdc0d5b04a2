package dev.vigil.simulations;

import sun.misc.Signal;

/**
 * Ctrl-C ends a window run alone by {@code mvn gatling:test} as its stop file does. A JVM that
 * exits on SIGINT leaves only a half-written {@code simulation.log}: Gatling writes its report
 * after the simulation has ended, never from a shutdown hook. So the first Ctrl-C asks the window
 * to end and Gatling finishes its report; a second one exits at once, as Ctrl-C usually does.
 * Windows started by {@code vigil watch} do not need this: the CLI ends them with the stop file.
 */
final class CtrlC {

  private static final Signal INT = new Signal("INT");

  private CtrlC() {}

  static void endsTheWindow(Window window) {
    Signal.handle(INT, first -> {
      LiveStatus.say("Ctrl-C: ending the window; Gatling writes its report (Ctrl-C again to quit without it)");
      window.requestStop("Ctrl-C");
      Signal.handle(INT, second -> Runtime.getRuntime().exit(130));
    });
  }
}
