package org.ironcds.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The whole configuration of one server process, validated. */
public record AppConfig(
    Server server, Auth auth, Prefetch prefetch, Storage storage, Knowledge knowledge, Observability observability) {

  /** Where and how the HTTP server listens. */
  public record Server(
      String bindAddress,
      int port,
      URI publicUrl,
      List<String> corsOrigins,
      long maxBodyBytes,
      Duration idleTimeout,
      int maxThreads,
      Duration warmUp,
      Duration idleWarmUp) {
    public Server {
      corsOrigins = List.copyOf(corsOrigins);
    }
  }

  /** How CDS clients authenticate. {@code mode} is {@code jwt} or {@code off} (loopback trial only). */
  public record Auth(
      String mode,
      Optional<Path> trustedClientsFile,
      Duration clockSkew,
      Duration maxTokenLifetime,
      Duration jwksRefreshInterval,
      int replayCacheSize) {
    public boolean enabled() {
      return !mode.equals("off");
    }
  }

  /** Fetching data the EHR did not prefetch. */
  public record Prefetch(List<String> allowedServers, Duration deadline, Duration requestTimeout, int pageCap) {
    public Prefetch {
      allowedServers = List.copyOf(allowedServers);
    }
  }

  /** The feedback store: embedded H2 under {@code dataDir} unless a JDBC URL is given. */
  public record Storage(
      Path dataDir,
      Optional<String> jdbcUrl,
      Optional<String> user,
      Optional<String> password,
      int poolSize,
      Duration retention,
      Optional<String> adminToken) {
    @Override
    public String toString() {
      return "Storage[dataDir=" + dataDir + ", jdbcUrl=" + jdbcUrl.map(u -> u.replaceAll("password=[^&;]*", "password=***"))
          + ", poolSize=" + poolSize + ", retention=" + retention + "]";
    }
  }

  /** Clinical knowledge overrides: a directory whose files replace or extend the bundled ones. */
  public record Knowledge(Optional<Path> overrideDir) {}

  /** Logs and metrics. */
  public record Observability(String logFormat, Optional<String> metricsToken) {
    @Override
    public String toString() {
      return "Observability[logFormat=" + logFormat + ", metricsToken=" + (metricsToken.isPresent() ? "***" : "none") + "]";
    }
  }
}
