package org.ironcds.auth;

/**
 * A request failed authentication. The reason goes to the log and to metrics, never into the 401
 * response body; it must not contain the token itself.
 */
public final class AuthenticationException extends RuntimeException {
  private final String reason;

  public AuthenticationException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A short machine-readable reason such as {@code expired} or {@code untrusted_issuer}. */
  public String reason() {
    return reason;
  }
}
