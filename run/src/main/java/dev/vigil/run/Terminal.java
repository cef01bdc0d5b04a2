package dev.vigil.run;

import java.io.PrintWriter;

/** Where commands write: results to stdout, progress, warnings and errors to stderr. */
public record Terminal(PrintWriter out, PrintWriter err) {

  public void warn(String message) {
    err.println("vigil: warning: " + message);
    err.flush();
  }

  public void info(String message) {
    err.println(message);
    err.flush();
  }
}
