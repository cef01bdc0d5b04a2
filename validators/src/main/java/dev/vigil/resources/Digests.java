package dev.vigil.resources;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Checksums and the random content whose checksums are recorded. */
final class Digests {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Digests() {}

  static byte[] randomBytes(int size) {
    byte[] b = new byte[size];
    RANDOM.nextBytes(b);
    return b;
  }

  static String sha256(byte[] data) {
    return hex("SHA-256", data);
  }

  /** Swift's ETag and Glance's {@code checksum} are MD5: recorded to compare with what they report. */
  static String md5(byte[] data) {
    return hex("MD5", data);
  }

  private static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
