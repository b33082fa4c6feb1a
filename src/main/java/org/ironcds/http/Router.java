package org.ironcds.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.ironcds.auth.ClientAuthenticator;
import org.ironcds.auth.AuthenticationException;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.metrics.Metrics;
import org.slf4j.MDC;

/**
 * Dispatches each request to the first endpoint whose template matches, after the method check and
 * client authentication, and writes exactly one response. Every failure goes through {@link
 * ErrorMapper}; nothing escapes to Jetty.
 */
final class Router extends Handler.Abstract {
  private record Bound(PathTemplate template, Endpoint endpoint) {}

  private final List<Bound> routes;
  private final ClientAuthenticator authenticator;
  private final String publicBaseUrl;
  private final long maxBodyBytes;
  private final ErrorMapper errors = new ErrorMapper();
  private final RequestLog requestLog;
  private final Metrics metrics;

  Router(List<Endpoint> endpoints, ClientAuthenticator authenticator, String publicBaseUrl, long maxBodyBytes,
      Metrics metrics, RequestLog requestLog) {
    this.routes = endpoints.stream().map(e -> new Bound(new PathTemplate(e.route().pathTemplate()), e)).toList();
    this.authenticator = authenticator;
    this.publicBaseUrl = publicBaseUrl;
    this.maxBodyBytes = maxBodyBytes;
    this.metrics = metrics;
    this.requestLog = requestLog;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    String requestId = RequestIds.next();
    MDC.put("request_id", requestId);
    try {
      route(request, response, callback, started, requestId);
    } finally {
      MDC.remove("request_id");
    }
    return true;
  }

  private void route(Request request, Response response, Callback callback, long started, String requestId) {
    String path = Request.getPathInContext(request);
    Optional<Matched> matched = match(path);
    Exchange exchange = new Exchange(request, publicBaseUrl, maxBodyBytes,
        matched.map(Matched::parameters).orElse(Map.of()));
    matched.ifPresent(m -> exchange.log("route", m.bound().endpoint().route().pathTemplate()));
    Reply reply;
    try {
      reply = dispatch(exchange, matched);
    } catch (Throwable failure) { // the one boundary: no exception reaches Jetty
      if (failure instanceof AuthenticationException e) {
        metrics.authenticationFailed(e.reason());
      }
      reply = errors.toReply(failure, exchange);
    }
    // Recorded before the write, so a client that reads /metrics after its answer sees its request.
    long nanos = System.nanoTime() - started;
    requestLog.log(exchange, reply.status(), nanos);
    metrics.requestCompleted(exchange.logFields().getOrDefault("route", "unmatched"),
        exchange.logFields().getOrDefault("service", "none"), reply.status(), nanos);
    response.getHeaders().put("X-Request-Id", requestId);
    write(response, reply, callback);
  }

  private record Matched(Bound bound, Map<String, String> parameters) {}

  private Optional<Matched> match(String path) {
    for (Bound bound : routes) {
      Optional<Map<String, String>> parameters = bound.template().match(path);
      if (parameters.isPresent()) {
        return Optional.of(new Matched(bound, parameters.get()));
      }
    }
    return Optional.empty();
  }

  private Reply dispatch(Exchange exchange, Optional<Matched> matched) throws Exception {
    if (matched.isEmpty()) {
      throw new HttpError(404, "not-found", "No resource at this path");
    }
    Endpoint endpoint = matched.get().bound().endpoint();
    Route route = endpoint.route();
    if (!route.methods().contains(exchange.method())) {
      String allow = String.join(", ", new TreeSet<>(route.methods()));
      throw new HttpError(405, "not-supported", "Method " + safeMethod(exchange.method())
          + " is not allowed here; use " + allow, Map.of("Allow", allow));
    }
    CdsClient client = CdsClient.UNAUTHENTICATED;
    if (route.clientAuthentication()) {
      client = authenticator.authenticate(exchange.publicUrl(),
          exchange.header(HttpHeader.AUTHORIZATION.asString()));
      exchange.log("iss", client.issuer());
      client.tenant().ifPresent(t -> exchange.log("tenant", t));
    }
    return endpoint.handle(exchange, client);
  }

  private static String safeMethod(String method) {
    return RequestLog.PLAIN_METHOD.matcher(method).matches() ? method : "(unknown)";
  }

  private static void write(Response response, Reply reply, Callback callback) {
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }
}
