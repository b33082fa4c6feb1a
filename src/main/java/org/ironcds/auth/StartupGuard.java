package org.ironcds.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Refuses to run without authentication anywhere but on the loopback interface.
 *
 * <p>Pure functions, no DNS: a bind address counts as loopback only if it is {@code localhost},
 * an IPv4 literal in {@code 127.0.0.0/8} or the IPv6 literal {@code ::1}. Anything else,
 * including {@code 0.0.0.0}, {@code ::} and host names, is treated as reachable from the network.
 */
public final class StartupGuard {
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

  private StartupGuard() {}

  /**
   * Checks that the authentication mode is safe for the address the server will bind to.
   *
   * @param authOff whether JWT authentication is switched off ({@code IRONCDS_AUTH_MODE=off})
   * @param bindAddress the address the HTTP server binds to
   * @param explicitlyAllowed whether the operator asked for auth-off themselves, rather than it
   *     coming from a default
   * @throws IllegalStateException with a message for the operator if the server must not start
   */
  public static void checkAuthMode(boolean authOff, String bindAddress, boolean explicitlyAllowed) {
    Objects.requireNonNull(bindAddress, "bindAddress == null");
    if (!authOff) {
      return;
    }
    if (!explicitlyAllowed) {
      throw new IllegalStateException(
          "Authentication is off but the operator did not ask for it explicitly;"
              + " set IRONCDS_AUTH_MODE=off yourself for a local trial, or use IRONCDS_AUTH_MODE=jwt.");
    }
    if (!isLoopback(bindAddress)) {
      throw new IllegalStateException(
          "Refusing to start: IRONCDS_AUTH_MODE=off is allowed only on a loopback address"
              + " (127.0.0.1, ::1 or localhost), but the server would bind to '" + bindAddress
              + "', where any host on the network could read patient data without a token."
              + " Bind to 127.0.0.1 or set IRONCDS_AUTH_MODE=jwt with a trusted-clients file.");
    }
  }

  /** Whether {@code host} (an address literal or name, IPv6 optionally in brackets) is loopback. */
  public static boolean isLoopback(String host) {
    Objects.requireNonNull(host, "host == null");
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || IPV4_LOOPBACK.matcher(h).matches()
        || isIpv6Loopback(h);
  }

  private static boolean isIpv6Loopback(String h) {
    if (!IPV6_LITERAL.matcher(h).matches()) {
      return false;
    }
    try {
      // An IPv6 literal is parsed, never looked up.
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
