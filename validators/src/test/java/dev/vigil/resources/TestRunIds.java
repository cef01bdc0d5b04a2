package dev.vigil.resources;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh run ids in RunFolder's format, for tests that create resources. */
public final class TestRunIds {

  private TestRunIds() {}

  public static String next() {
    byte[] r = new byte[2];
    ThreadLocalRandom.current().nextBytes(r);
    return "vigil-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + HexFormat.of().formatHex(r);
  }
}
