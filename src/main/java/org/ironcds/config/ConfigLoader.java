package org.ironcds.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Turns {@code IRONCDS_*} settings into an {@link AppConfig}. Settings come from the environment
 * and, when {@code IRONCDS_CONFIG_FILE} names one, from a properties file with the same keys; the
 * environment wins. Every problem is collected and reported at once, naming the key.
 */
public final class ConfigLoader {
  /** Every key this loader understands; anything else starting with IRONCDS_ is a typo. */
  public static final Set<String> KEYS = Set.of(
      "IRONCDS_CONFIG_FILE", "IRONCDS_BIND", "IRONCDS_PORT", "IRONCDS_PUBLIC_URL", "IRONCDS_CORS_ORIGINS",
      "IRONCDS_MAX_BODY_BYTES", "IRONCDS_IDLE_TIMEOUT_MS", "IRONCDS_MAX_THREADS", "IRONCDS_WARMUP_MS",
      "IRONCDS_IDLE_WARMUP_MS",
      "IRONCDS_AUTH_MODE", "IRONCDS_TRUSTED_CLIENTS_FILE", "IRONCDS_JWT_CLOCK_SKEW_SECONDS",
      "IRONCDS_JWT_MAX_LIFETIME_SECONDS", "IRONCDS_JWKS_REFRESH_SECONDS", "IRONCDS_JWT_REPLAY_CACHE_SIZE",
      "IRONCDS_FHIR_ALLOWED_SERVERS", "IRONCDS_PREFETCH_DEADLINE_MS", "IRONCDS_PREFETCH_REQUEST_TIMEOUT_MS",
      "IRONCDS_PREFETCH_PAGE_CAP", "IRONCDS_DATA_DIR", "IRONCDS_DB_URL", "IRONCDS_DB_USER", "IRONCDS_DB_PASSWORD",
      "IRONCDS_DB_POOL_SIZE", "IRONCDS_FEEDBACK_RETENTION_DAYS", "IRONCDS_ADMIN_TOKEN", "IRONCDS_KNOWLEDGE_DIR",
      "IRONCDS_LOG_FORMAT", "IRONCDS_METRICS_TOKEN");

  private final Map<String, String> values;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  /** Loads from the process environment (and the file it names). */
  public static AppConfig fromEnvironment() {
    return load(System.getenv());
  }

  /** Loads from the given variables (and the file {@code IRONCDS_CONFIG_FILE} names, if any). */
  public static AppConfig load(Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>();
    String file = environment.get("IRONCDS_CONFIG_FILE");
    if (file != null && !file.isBlank()) {
      merged.putAll(readFile(Path.of(file)));
    }
    environment.forEach((key, value) -> {
      if (key.startsWith("IRONCDS_")) {
        merged.put(key, value);
      }
    });
    return new ConfigLoader(merged).build();
  }

  /**
   * Loads for a command that serves nothing (evaluate, feedback-report): the server and
   * authentication settings are not needed, so they cannot stop it.
   */
  public static AppConfig offlineFromEnvironment() {
    return forOfflineCommand(System.getenv());
  }

  /** {@link #offlineFromEnvironment()} over the given variables. */
  public static AppConfig forOfflineCommand(Map<String, String> environment) {
    Map<String, String> offline = new HashMap<>(environment);
    offline.put("IRONCDS_AUTH_MODE", "off");
    offline.put("IRONCDS_BIND", "127.0.0.1");
    offline.remove("IRONCDS_TRUSTED_CLIENTS_FILE");
    return load(offline);
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException(List.of("IRONCDS_CONFIG_FILE: cannot read " + file + ": " + e.getMessage()));
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key.trim(), properties.getProperty(key).trim()));
    return values;
  }

  private AppConfig build() {
    values.keySet().stream().filter(k -> !KEYS.contains(k)).sorted()
        .forEach(k -> problems.add(k + ": unknown setting (known: see README, Configuration)"));
    AppConfig.Server server = server();
    AppConfig config = new AppConfig(server, auth(server), prefetch(), storage(), knowledge(), observability());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  private AppConfig.Server server() {
    String bind = text("IRONCDS_BIND", "127.0.0.1");
    checkAddress("IRONCDS_BIND", bind);
    int port = integer("IRONCDS_PORT", 8080, 0, 65535);
    URI publicUrl = url("IRONCDS_PUBLIC_URL", "http://localhost:" + port);
    return new AppConfig.Server(bind, port, publicUrl, list("IRONCDS_CORS_ORIGINS", "*"),
        longValue("IRONCDS_MAX_BODY_BYTES", 1_048_576, 1024, 64L * 1024 * 1024),
        Duration.ofMillis(integer("IRONCDS_IDLE_TIMEOUT_MS", 30_000, 1_000, 600_000)),
        integer("IRONCDS_MAX_THREADS", 64, 8, 1024),
        Duration.ofMillis(integer("IRONCDS_WARMUP_MS", 0, 0, 120_000)),
        Duration.ofMillis(integer("IRONCDS_IDLE_WARMUP_MS", 60_000, 0, 600_000)));
  }

  private AppConfig.Auth auth(AppConfig.Server server) {
    String mode = text("IRONCDS_AUTH_MODE", "jwt");
    if (!mode.equals("jwt") && !mode.equals("off")) {
      problems.add("IRONCDS_AUTH_MODE: must be jwt or off, was " + mode);
    }
    Optional<Path> clients = optional("IRONCDS_TRUSTED_CLIENTS_FILE").map(Path::of);
    if (mode.equals("jwt") && clients.isEmpty()) {
      problems.add("IRONCDS_TRUSTED_CLIENTS_FILE: required when IRONCDS_AUTH_MODE is jwt (the EHRs allowed to call);"
          + " for a local trial without tokens set IRONCDS_AUTH_MODE=off with IRONCDS_BIND on loopback");
    }
    clients.filter(p -> !Files.isReadable(p))
        .ifPresent(p -> problems.add("IRONCDS_TRUSTED_CLIENTS_FILE: cannot read " + p));
    if (mode.equals("off") && !isLoopback(server.bindAddress())) {
      problems.add("IRONCDS_AUTH_MODE: off is allowed only when IRONCDS_BIND is a loopback address (127.0.0.1, ::1);"
          + " bound to " + server.bindAddress() + " every EHR on the network could read advice without a token");
    }
    return new AppConfig.Auth(mode, clients,
        Duration.ofSeconds(integer("IRONCDS_JWT_CLOCK_SKEW_SECONDS", 60, 0, 600)),
        Duration.ofSeconds(integer("IRONCDS_JWT_MAX_LIFETIME_SECONDS", 300, 10, 3600)),
        Duration.ofSeconds(integer("IRONCDS_JWKS_REFRESH_SECONDS", 300, 1, 86_400)),
        integer("IRONCDS_JWT_REPLAY_CACHE_SIZE", 100_000, 100, 10_000_000));
  }

  private AppConfig.Prefetch prefetch() {
    List<String> servers = list("IRONCDS_FHIR_ALLOWED_SERVERS", "");
    for (String server : servers) {
      try {
        URI uri = new URI(server);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
          problems.add("IRONCDS_FHIR_ALLOWED_SERVERS: not an http(s) URL: " + server);
        }
      } catch (URISyntaxException e) {
        problems.add("IRONCDS_FHIR_ALLOWED_SERVERS: not a URL: " + server);
      }
    }
    return new AppConfig.Prefetch(servers,
        Duration.ofMillis(integer("IRONCDS_PREFETCH_DEADLINE_MS", 2_000, 50, 60_000)),
        Duration.ofMillis(integer("IRONCDS_PREFETCH_REQUEST_TIMEOUT_MS", 1_500, 50, 60_000)),
        integer("IRONCDS_PREFETCH_PAGE_CAP", 5, 1, 100));
  }

  private AppConfig.Storage storage() {
    return new AppConfig.Storage(Path.of(text("IRONCDS_DATA_DIR", "data")), optional("IRONCDS_DB_URL"),
        optional("IRONCDS_DB_USER"), optional("IRONCDS_DB_PASSWORD"),
        integer("IRONCDS_DB_POOL_SIZE", 8, 1, 200),
        Duration.ofDays(integer("IRONCDS_FEEDBACK_RETENTION_DAYS", 400, 1, 36_500)),
        optional("IRONCDS_ADMIN_TOKEN"));
  }

  private AppConfig.Knowledge knowledge() {
    Optional<Path> dir = optional("IRONCDS_KNOWLEDGE_DIR").map(Path::of);
    dir.filter(p -> !Files.isDirectory(p))
        .ifPresent(p -> problems.add("IRONCDS_KNOWLEDGE_DIR: not a directory: " + p));
    return new AppConfig.Knowledge(dir);
  }

  private AppConfig.Observability observability() {
    String format = text("IRONCDS_LOG_FORMAT", "text");
    if (!format.equals("text") && !format.equals("json")) {
      problems.add("IRONCDS_LOG_FORMAT: must be text or json, was " + format);
    }
    return new AppConfig.Observability(format, optional("IRONCDS_METRICS_TOKEN"));
  }

  /** True for loopback addresses and for the wildcard, where a local client reaches 127.0.0.1. */
  public static boolean isLoopbackOrAny(String address) {
    return isLoopback(address) || address.equals("0.0.0.0") || address.equals("::");
  }

  /** True for {@code localhost} and loopback IP addresses. */
  public static boolean isLoopback(String address) {
    if (address.equals("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private void checkAddress(String key, String address) {
    if (!address.matches("[0-9A-Za-z.:\\-]+")) {
      problems.add(key + ": not an IP address or host name: " + address);
    }
  }

  private Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private String text(String key, String fallback) {
    return optional(key).orElse(fallback);
  }

  private List<String> list(String key, String fallback) {
    return Arrays.stream(text(key, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private int integer(String key, int fallback, int min, int max) {
    return (int) longValue(key, fallback, min, max);
  }

  private long longValue(String key, long fallback, long min, long max) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value < min || value > max) {
        problems.add(key + ": must be between " + min + " and " + max + ", was " + value);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a whole number, was " + raw.get());
      return fallback;
    }
  }

  private URI url(String key, String fallback) {
    String raw = text(key, fallback);
    try {
      URI uri = new URI(raw);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getQuery() != null || uri.getFragment() != null) {
        problems.add(key + ": must be an absolute http(s) URL without query, was " + raw);
        return URI.create(fallback);
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(key + ": not a URL: " + raw);
      return URI.create(fallback);
    }
  }
}
