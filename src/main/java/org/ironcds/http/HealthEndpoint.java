package org.ironcds.http;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.ironcds.cdshooks.CdsClient;

/**
 * {@code GET /health} for load balancers: {@code /health/live} says the process answers, {@code
 * /health/ready} (and {@code /health}) that it is ready to serve hook calls. No authentication.
 */
final class HealthEndpoint implements Endpoint {
  private final Route route;
  private final BooleanSupplier check;

  private HealthEndpoint(String template, BooleanSupplier check) {
    this.route = Route.open(template, "GET");
    this.check = check;
  }

  static HealthEndpoint live() {
    return new HealthEndpoint("/health/live", () -> true);
  }

  static HealthEndpoint ready(String template, BooleanSupplier ready) {
    return new HealthEndpoint(template, ready);
  }

  @Override
  public Route route() {
    return route;
  }

  @Override
  public Reply handle(Exchange exchange, CdsClient client) {
    boolean up = check.getAsBoolean();
    String body = up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}";
    return Reply.json(up ? 200 : 503, body.getBytes(StandardCharsets.UTF_8));
  }
}
