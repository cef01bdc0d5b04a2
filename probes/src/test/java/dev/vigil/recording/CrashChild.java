package dev.vigil.recording;

import java.nio.file.Path;

/**
 * Run by {@link CrashSafetyTest} in a child JVM that is then killed with SIGKILL: records one
 * request per millisecond forever and prints the last sequence number recorded every 50 records.
 */
public final class CrashChild {

  private CrashChild() {}

  public static void main(String[] args) throws InterruptedException {
    RunRecorder recorder = RunRecorder.open(Path.of(args[0]));
    for (long i = 0; ; i++) {
      recorder.record(Records.ok(i));
      if (i % 50 == 0) {
        System.out.println(i);
        System.out.flush();
      }
      Thread.sleep(1);
    }
  }
}
