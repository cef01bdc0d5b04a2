package dev.vigil.flow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 of bytes, in lower-case hex. MD5 because that is what the payload read-back is compared by
 * (as Gatling's {@code md5()} check does); it guards against corruption, not against an attacker.
 */
final class Md5 {

  private Md5() {}

  static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
