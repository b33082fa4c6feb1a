package org.ironcds.http;

import java.util.concurrent.ThreadLocalRandom;

/** Short random request ids that tie a request's log lines together. Not secret, not unique forever. */
final class RequestIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  static String next() {
    long bits = ThreadLocalRandom.current().nextLong();
    char[] id = new char[16];
    for (int i = 0; i < id.length; i++) {
      id[i] = HEX[(int) (bits >>> (i * 4)) & 0xf];
    }
    return new String(id);
  }
}
