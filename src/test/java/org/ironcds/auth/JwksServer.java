package org.ironcds.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's key server for tests: serves JWK Sets on 127.0.0.1 and counts every request it gets,
 * on any path.
 */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final AtomicInteger hits = new AtomicInteger();
  private final Map<String, AtomicInteger> hitsByPath = new ConcurrentHashMap<>();
  private final Map<String, Response> responses = new ConcurrentHashMap<>();

  private record Response(int status, String body, Map<String, String> headers, Duration delay) {}

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void serve(String path, String jwks) {
    responses.put(path, new Response(200, jwks, Map.of(), Duration.ZERO));
  }

  void fail(String path, int status) {
    responses.put(path, new Response(status, "{}", Map.of(), Duration.ZERO));
  }

  void redirect(String path, String location) {
    responses.put(path, new Response(302, "", Map.of("Location", location), Duration.ZERO));
  }

  void serveSlowly(String path, String jwks, Duration delay) {
    responses.put(path, new Response(200, jwks, Map.of(), delay));
  }

  int hits() {
    return hits.get();
  }

  int hits(String path) {
    return hitsByPath.getOrDefault(path, new AtomicInteger()).get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.incrementAndGet();
    hitsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Response response = responses.getOrDefault(path, new Response(404, "", Map.of(), Duration.ZERO));
    try {
      Thread.sleep(response.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } catch (IOException e) {
      // The client hung up (size cap or timeout); that is what some tests want.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
