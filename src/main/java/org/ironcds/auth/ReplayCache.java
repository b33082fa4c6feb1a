package org.ironcds.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the {@code jti} of every accepted token until that token could no longer be accepted
 * anyway, so each token is used at most once.
 *
 * <p>Bounded: beyond {@code maxSize} entries the least useful are evicted. Only tokens that passed
 * every other check are recorded, so filling the cache takes validly signed tokens. Safe for
 * concurrent use; two racing uses of one {@code jti} let exactly one through.
 */
final class ReplayCache {
  private static final Duration MIN_RETENTION = Duration.ofSeconds(1);

  private final Cache<String, Instant> seen;
  private final Clock clock;

  ReplayCache(long maxSize, Clock clock) {
    this.clock = clock;
    this.seen = Caffeine.newBuilder()
        .maximumSize(maxSize)
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run)
        .expireAfter(Expiry.<String, Instant>creating((key, keepUntil) -> retention(keepUntil)))
        .build();
  }

  /**
   * Records a token use; false if {@code issuer} already used {@code jti} and the entry has not
   * expired.
   */
  boolean firstUse(String issuer, String jti, Instant keepUntil) {
    return seen.asMap().putIfAbsent(issuer + '\u0000' + jti, keepUntil) == null;
  }

  private Duration retention(Instant keepUntil) {
    Duration left = Duration.between(clock.instant(), keepUntil);
    return left.compareTo(MIN_RETENTION) < 0 ? MIN_RETENTION : left;
  }
}
