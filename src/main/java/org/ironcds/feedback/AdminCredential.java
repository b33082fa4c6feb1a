package org.ironcds.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The bearer token that guards the feedback admin endpoints, kept apart from the EHRs' JWTs.
 *
 * <p>When no token is configured the credential is {@linkplain #enabled() disabled} and permits
 * nothing, so the endpoints stay closed. Tokens are compared in constant time (on their SHA-256
 * digests, so not even the length leaks). {@link #toString()} never shows the token.
 */
public final class AdminCredential {
  /** Shorter tokens are refused at start-up: they could be guessed. */
  public static final int MIN_TOKEN_LENGTH = 16;

  private static final String BEARER = "bearer ";

  private final Optional<byte[]> digest;

  private AdminCredential(Optional<byte[]> digest) {
    this.digest = digest;
  }

  /**
   * A credential for the configured token, or a disabled one when there is none.
   *
   * @throws IllegalArgumentException if the token is shorter than {@value #MIN_TOKEN_LENGTH}
   *     characters or contains whitespace
   */
  public static AdminCredential of(Optional<String> token) {
    Objects.requireNonNull(token, "token == null");
    Optional<String> configured = token.filter(t -> !t.isEmpty());
    configured.ifPresent(t -> {
      if (t.length() < MIN_TOKEN_LENGTH || t.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "the admin token must be at least " + MIN_TOKEN_LENGTH + " characters without whitespace");
      }
    });
    return new AdminCredential(configured.map(AdminCredential::sha256));
  }

  public static AdminCredential disabled() {
    return new AdminCredential(Optional.empty());
  }

  /** Whether a token is configured; when not, the admin endpoints should answer 404. */
  public boolean enabled() {
    return digest.isPresent();
  }

  /** Whether an {@code Authorization} header value carries the configured bearer token. */
  public boolean permits(Optional<String> authorization) {
    if (digest.isEmpty() || authorization.isEmpty()) {
      return false;
    }
    String header = authorization.get().trim();
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return false;
    }
    byte[] presented = sha256(header.substring(BEARER.length()).trim());
    return MessageDigest.isEqual(digest.get(), presented);
  }

  @Override
  public String toString() {
    return enabled() ? "AdminCredential[enabled]" : "AdminCredential[disabled]";
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
