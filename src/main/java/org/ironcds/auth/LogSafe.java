package org.ironcds.auth;

/**
 * Makes a value taken from an unverified token safe to log: printable ASCII without spaces (so no
 * forged lines, no extra key=value pairs, no bidi tricks) and a bounded length. Applied to {@code
 * iss}, {@code tenant}, {@code jti}, {@code kid} and {@code jku}; never to the token, which is never
 * logged at all.
 */
final class LogSafe {
  private static final int MAX_CHARS = 120;

  private LogSafe() {}

  static String clean(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CHARS));
    for (int i = 0; i < value.length() && out.length() < MAX_CHARS; i++) {
      char c = value.charAt(i);
      out.append(c <= 0x20 || c > 0x7e || c == '"' || c == '\\' ? '?' : c);
    }
    if (value.length() > MAX_CHARS) {
      out.append("...");
    }
    return out.toString();
  }
}
