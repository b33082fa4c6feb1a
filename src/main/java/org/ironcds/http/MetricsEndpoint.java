package org.ironcds.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ironcds.cdshooks.CdsClient;

/**
 * {@code GET /metrics} in Prometheus text format. Open when the server listens on loopback only;
 * otherwise the caller must present the configured metrics token, and without one the endpoint is
 * closed.
 */
public final class MetricsEndpoint implements Endpoint {
  private static final Route ROUTE = Route.open("/metrics", "GET");
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Supplier<String> scrape;
  private final boolean open;
  private final Optional<String> token;

  public MetricsEndpoint(Supplier<String> scrape, boolean loopbackOnly, Optional<String> token) {
    this.scrape = scrape;
    this.open = loopbackOnly && token.isEmpty();
    this.token = token;
  }

  @Override
  public Route route() {
    return ROUTE;
  }

  @Override
  public Reply handle(Exchange exchange, CdsClient client) {
    if (!open) {
      if (token.isEmpty()) {
        throw new HttpError(404, "not-found", "Metrics are disabled: set a metrics token");
      }
      if (!bearerMatches(exchange.header("Authorization"), token.get())) {
        throw new HttpError(401, "login", "Authentication required", Map.of("WWW-Authenticate", "Bearer"));
      }
    }
    return new Reply(200, PROMETHEUS_TEXT, Map.of(), scrape.get().getBytes(StandardCharsets.UTF_8));
  }

  /** Constant-time comparison of {@code Authorization: Bearer <token>} with the expected token. */
  public static boolean bearerMatches(Optional<String> header, String expected) {
    String presented = header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim())
        .orElse("");
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
