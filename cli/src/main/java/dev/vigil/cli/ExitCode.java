package dev.vigil.cli;

/** Vigil's exit codes, documented in the README. */
public final class ExitCode {

  /** Everything asked for was done and passed. */
  public static final int OK = 0;

  /** The work was done, and a check or verdict failed. */
  public static final int FAILED = 1;

  /**
   * The work could not be done: bad input, a broken configuration, refused credentials, an
   * unreachable cloud. The one-line message says which and how to fix it.
   */
  public static final int CANNOT_RUN = 2;

  /**
   * The work was done and nothing failed, but there is not the evidence to say yes: a verdict is
   * inconclusive (blind time, a dead injector, lost records), or a window recorded no request for
   * a service it was to observe (Gatling could not send any). Not a pass.
   */
  public static final int INCONCLUSIVE = 3;

  /** A bug in Vigil: the message asks for --debug, which shows the stack trace. */
  public static final int INTERNAL = 4;

  /** Stopped by Ctrl-C or SIGTERM before the work was done. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
