package org.ironcds.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key set loaded from a URL or file, reloaded when an unknown {@code kid} arrives or the loaded
 * copy is older than a maximum age, but never more than once per refresh interval.
 *
 * <p>That bound is what keeps a flood of tokens with made-up {@code kid}s from making us hammer
 * the client's server: concurrent callers wait for the one load under way and then see the
 * interval as spent. Lookups of known keys take no lock. Safe for concurrent use.
 */
final class RefreshingKeySet implements KeySet {
  private static final Logger log = LoggerFactory.getLogger(RefreshingKeySet.class);

  /** Loads the current keys; throws on any failure. */
  interface Loader {
    JWKSet load() throws Exception;
  }

  private final String name;
  private final Loader loader;
  private final Duration refreshInterval;
  private final Duration maxAge;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile JWKSet current = new JWKSet();
  private volatile Instant loadedAt = Instant.MIN;
  private Instant lastAttempt = Instant.MIN; // guarded by lock

  RefreshingKeySet(String name, Loader loader, Duration refreshInterval, Duration maxAge,
      Clock clock) {
    this.name = name;
    this.loader = loader;
    this.refreshInterval = refreshInterval;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public Optional<JWK> find(String kid) {
    JWK key = current.getKeyByKeyId(kid);
    if (key != null && !isStale()) {
      return Optional.of(key);
    }
    lock.lock();
    try {
      key = current.getKeyByKeyId(kid);
      if ((key == null || isStale()) && mayLoadNow()) {
        load();
        key = current.getKeyByKeyId(kid);
      }
      return Optional.ofNullable(key);
    } finally {
      lock.unlock();
    }
  }

  private boolean isStale() {
    return !clock.instant().isBefore(loadedAt.plus(maxAge));
  }

  private boolean mayLoadNow() {
    return !clock.instant().isBefore(lastAttempt.plus(refreshInterval));
  }

  private void load() {
    lastAttempt = clock.instant();
    try {
      current = loader.load();
      loadedAt = clock.instant();
      log.info("event=jwks_loaded source={} keys={}", name, current.size());
    } catch (Exception e) {
      // Keep the keys we had: a client's key server being down must not lock out its valid keys.
      log.warn("event=jwks_load_failed source={} error={}", name, e.toString());
    }
  }
}
