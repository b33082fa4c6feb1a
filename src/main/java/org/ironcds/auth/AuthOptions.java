package org.ironcds.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings for {@link JwtAuthenticator}: who is trusted and how strictly tokens are timed.
 *
 * <p>Packages never read environment variables; the composition root maps {@code
 * IRONCDS_TRUSTED_CLIENTS_FILE}, {@code IRONCDS_JWT_CLOCK_SKEW_SECONDS}, {@code
 * IRONCDS_JWT_MAX_LIFETIME_SECONDS} and {@code IRONCDS_JWKS_REFRESH_SECONDS} onto this record.
 * Start from {@link #defaults(TrustedClients)} and adjust with the {@code with…} methods.
 *
 * @param trustedClients the EHRs allowed to call, with their keys
 * @param clockSkew tolerance applied to {@code exp}, {@code iat} and {@code nbf}
 * @param maxLifetime the longest {@code exp - iat} accepted (the spec sets none; this cap is ours)
 * @param replayCacheSize how many {@code jti} values are remembered at most
 * @param jwksRefreshInterval the shortest time between two fetches of one JWK Set, however many
 *     unknown {@code kid}s arrive
 * @param jwksMaxAge after this long a fetched JWK Set is fetched again on next use, so removed
 *     (revoked) keys stop working without a restart
 * @param fetchTimeout the whole-exchange timeout for fetching a JWK Set over HTTP
 */
public record AuthOptions(
    TrustedClients trustedClients,
    Duration clockSkew,
    Duration maxLifetime,
    long replayCacheSize,
    Duration jwksRefreshInterval,
    Duration jwksMaxAge,
    Duration fetchTimeout) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(5);
  public static final long DEFAULT_REPLAY_CACHE_SIZE = 100_000;
  public static final Duration DEFAULT_JWKS_REFRESH_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_JWKS_MAX_AGE = Duration.ofHours(1);
  public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);

  public AuthOptions {
    Objects.requireNonNull(trustedClients, "trustedClients == null");
    requireNotNegative(clockSkew, "clockSkew");
    requirePositive(maxLifetime, "maxLifetime");
    if (replayCacheSize < 1) {
      throw new IllegalArgumentException("replayCacheSize < 1: " + replayCacheSize);
    }
    requirePositive(jwksRefreshInterval, "jwksRefreshInterval");
    requirePositive(jwksMaxAge, "jwksMaxAge");
    requirePositive(fetchTimeout, "fetchTimeout");
  }

  /** Options with every default: 60 s skew, 5 min lifetime cap, 100k jti, 5 min refresh. */
  public static AuthOptions defaults(TrustedClients trustedClients) {
    return new AuthOptions(
        trustedClients,
        DEFAULT_CLOCK_SKEW,
        DEFAULT_MAX_LIFETIME,
        DEFAULT_REPLAY_CACHE_SIZE,
        DEFAULT_JWKS_REFRESH_INTERVAL,
        DEFAULT_JWKS_MAX_AGE,
        DEFAULT_FETCH_TIMEOUT);
  }

  public AuthOptions withClockSkew(Duration value) {
    return new AuthOptions(trustedClients, value, maxLifetime, replayCacheSize,
        jwksRefreshInterval, jwksMaxAge, fetchTimeout);
  }

  public AuthOptions withMaxLifetime(Duration value) {
    return new AuthOptions(trustedClients, clockSkew, value, replayCacheSize,
        jwksRefreshInterval, jwksMaxAge, fetchTimeout);
  }

  public AuthOptions withReplayCacheSize(long value) {
    return new AuthOptions(trustedClients, clockSkew, maxLifetime, value,
        jwksRefreshInterval, jwksMaxAge, fetchTimeout);
  }

  public AuthOptions withJwksRefreshInterval(Duration value) {
    return new AuthOptions(trustedClients, clockSkew, maxLifetime, replayCacheSize,
        value, jwksMaxAge, fetchTimeout);
  }

  public AuthOptions withJwksMaxAge(Duration value) {
    return new AuthOptions(trustedClients, clockSkew, maxLifetime, replayCacheSize,
        jwksRefreshInterval, value, fetchTimeout);
  }

  public AuthOptions withFetchTimeout(Duration value) {
    return new AuthOptions(trustedClients, clockSkew, maxLifetime, replayCacheSize,
        jwksRefreshInterval, jwksMaxAge, value);
  }

  private static void requireNotNegative(Duration value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " is negative: " + value);
    }
  }

  private static void requirePositive(Duration value, String name) {
    requireNotNegative(value, name);
    if (value.isZero()) {
      throw new IllegalArgumentException(name + " is zero");
    }
  }
}
