package dev.vigil.flow;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The bytes one flow writes, and their MD5 taken once, for every read-back to compare against.
 * Random for each flow, so that a read-back cannot pass on another flow's object.
 */
record Payload(byte[] bytes, String md5) {

  static Payload random(int size) {
    byte[] bytes = new byte[size];
    ThreadLocalRandom.current().nextBytes(bytes);
    return new Payload(bytes, Md5.hex(bytes));
  }
}
