package org.ironcds.feedback;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how feedback is stored.
 *
 * <p>Without a {@code jdbcUrl} the store is an embedded H2 database in the file {@code
 * <dataDir>/iron-cds.mv.db}, which needs no set-up. With a {@code jdbc:postgresql:} URL several
 * server instances share one PostgreSQL database. {@code retention} is how long issued cards and
 * feedback are kept before {@link FeedbackStore#pruneOlderThan} removes them.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record StorageOptions(
    Optional<String> jdbcUrl,
    Optional<String> user,
    Optional<String> password,
    Path dataDir,
    int poolSize,
    Duration retention) {
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final int DEFAULT_POOL_SIZE = 8;
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);

  /**
   * Settings appended to the embedded URL: {@code WRITE_DELAY=0} makes every commit reach the file;
   * a 1 MB page cache instead of H2's 64 MB default, because the store is written far more than
   * read and the cache lives in the service's 256 MB heap. Why not more: H2 writes pages anew on
   * every change, and a page that stays cached for more than a young collection or two ends up as
   * garbage in the old generation. Under load an 8 MB cache put about 1 MB a second there, a
   * full collection every few minutes; 1 MB cuts that to a quarter (docs/performance.md).
   */
  static final String H2_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1024";

  public StorageOptions {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    Objects.requireNonNull(dataDir, "dataDir == null");
    Objects.requireNonNull(retention, "retention == null");
    jdbcUrl = jdbcUrl.filter(url -> !url.isBlank());
    jdbcUrl.ifPresent(Dialect::of);
    if (dataDir.toString().contains(";")) {
      throw new IllegalArgumentException("dataDir must not contain ';': " + dataDir);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
  }

  /** The embedded database in {@code ./data}, a pool of 8 connections, 400 days of retention. */
  public static StorageOptions defaults() {
    return new StorageOptions(
        Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_DATA_DIR, DEFAULT_POOL_SIZE, DEFAULT_RETENTION);
  }

  public StorageOptions withJdbcUrl(String url) {
    return new StorageOptions(Optional.of(url), user, password, dataDir, poolSize, retention);
  }

  public StorageOptions withCredentials(String user, String password) {
    return new StorageOptions(jdbcUrl, Optional.of(user), Optional.of(password), dataDir, poolSize, retention);
  }

  public StorageOptions withDataDir(Path dir) {
    return new StorageOptions(jdbcUrl, user, password, dir, poolSize, retention);
  }

  public StorageOptions withPoolSize(int size) {
    return new StorageOptions(jdbcUrl, user, password, dataDir, size, retention);
  }

  public StorageOptions withRetention(Duration keep) {
    return new StorageOptions(jdbcUrl, user, password, dataDir, poolSize, keep);
  }

  /** Whether this is the embedded H2 file database. */
  public boolean embedded() {
    return jdbcUrl.isEmpty();
  }

  /** The configured URL, or the embedded database's URL in {@code dataDir}. */
  public String effectiveJdbcUrl() {
    return jdbcUrl.orElseGet(
        () -> "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("iron-cds") + H2_SETTINGS);
  }

  @Override
  public String toString() {
    return "StorageOptions[jdbcUrl=" + effectiveJdbcUrl() + ", user=" + user.orElse("")
        + ", password=" + (password.isPresent() ? "***" : "") + ", dataDir=" + dataDir
        + ", poolSize=" + poolSize + ", retention=" + retention + "]";
  }
}
