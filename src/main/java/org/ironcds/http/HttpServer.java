package org.ironcds.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ironcds.auth.ClientAuthenticator;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.metrics.Metrics;

/**
 * The embedded Jetty server: CORS outermost (so preflights need no token and error responses carry
 * Allow-Origin too), graceful shutdown, then the {@link Router} with the CDS Hooks endpoints.
 */
public final class HttpServer implements AutoCloseable {
  /** The route hook calls are counted under, e.g. in {@code ironcds_http_requests}. */
  public static final String SERVICE_ROUTE = ServiceEndpoint.ROUTE_TEMPLATE;

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final Server server;
  private final ServerConnector connector;
  private final HttpOptions options;
  private final QueuedThreadPool threads;
  private final GracefulHandler graceful;

  public HttpServer(HttpOptions options, ServiceCatalog catalog, ClientAuthenticator authenticator,
      BooleanSupplier ready, List<Endpoint> extraEndpoints) {
    this(options, catalog, authenticator, ready, extraEndpoints, Metrics.NONE);
  }

  /**
   * @param extraEndpoints further routes (feedback, admin, metrics), matched after the built-in ones
   * @param metrics where request counts and latencies go
   */
  public HttpServer(HttpOptions options, ServiceCatalog catalog, ClientAuthenticator authenticator,
      BooleanSupplier ready, List<Endpoint> extraEndpoints, Metrics metrics) {
    this(options, catalog, authenticator, ready, extraEndpoints, metrics, RequestLog.traffic(), SHUTDOWN_GRACE);
  }

  /**
   * A server for the start-up warm-up only: on a free loopback port, without authentication or
   * extra endpoints, with its own {@code metrics} (not the ones /metrics shows) and its request
   * lines at DEBUG marked as warm-up. It runs the same handler chain as the real server, so the
   * real server's first request finds Jetty, the router and the JSON writing loaded and compiled.
   */
  public static HttpServer forWarmUp(ServiceCatalog catalog, Metrics metrics) {
    HttpOptions options = new HttpOptions("127.0.0.1", 0, URI.create("http://127.0.0.1"), List.of(), 1 << 20,
        Duration.ofSeconds(30), 16);
    // No grace period: it would wait for the warm-up client's idle keep-alive connection.
    return new HttpServer(options, catalog, ClientAuthenticator.disabled(), () -> true, List.of(), metrics,
        RequestLog.warmUp(), Duration.ZERO);
  }

  private HttpServer(HttpOptions options, ServiceCatalog catalog, ClientAuthenticator authenticator,
      BooleanSupplier ready, List<Endpoint> extraEndpoints, Metrics metrics, RequestLog requestLog,
      Duration shutdownGrace) {
    this.options = options;
    this.threads = new QueuedThreadPool(options.maxThreads(), Math.min(8, options.maxThreads()));
    threads.setName("http");
    this.server = new Server(threads);
    server.setStopTimeout(shutdownGrace.toMillis());
    server.setErrorHandler(new JsonErrorHandler());

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setSendDateHeader(false);
    http.setRequestHeaderSize(16 * 1024);
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(options.bindAddress());
    connector.setPort(options.port());
    connector.setIdleTimeout(options.idleTimeout().toMillis());
    server.addConnector(connector);

    CdsHooksJson json = new CdsHooksJson();
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(new DiscoveryEndpoint(catalog, json));
    endpoints.add(new ServiceEndpoint(catalog, json));
    endpoints.add(HealthEndpoint.ready("/health", ready));
    endpoints.add(HealthEndpoint.ready("/health/ready", ready));
    endpoints.add(HealthEndpoint.live());
    endpoints.addAll(extraEndpoints);
    Router router = new Router(endpoints, authenticator, options.baseUrlText(), options.maxBodyBytes(), metrics,
        requestLog);

    this.graceful = new GracefulHandler(router);
    server.setHandler(cors(options.corsOriginPatterns(), graceful));
  }

  private static CrossOriginHandler cors(List<String> originPatterns, GracefulHandler next) {
    CrossOriginHandler cors = new CrossOriginHandler();
    Set<String> patterns = new HashSet<>();
    for (String origin : originPatterns) {
      // Configured values are origins or '*'; Jetty wants regular expressions.
      patterns.add(origin.equals("*") ? ".*" : java.util.regex.Pattern.quote(origin));
    }
    cors.setAllowedOriginPatterns(patterns);
    cors.setAllowedMethods(Set.of("GET", "POST", "OPTIONS"));
    // '*' would not cover Authorization, so the headers are listed explicitly.
    cors.setAllowedHeaders(Set.of("Authorization", "Content-Type", "Accept"));
    cors.setAllowCredentials(false);
    cors.setPreflightMaxAge(Duration.ofMinutes(10));
    cors.setHandler(next);
    return cors;
  }

  /** Requests being handled now, on any route. */
  public long requestsInFlight() {
    return graceful.getCurrentRequestCount();
  }

  /** The request thread pool, for gauges. */
  public QueuedThreadPool threadPool() {
    return threads;
  }

  public void start() throws Exception {
    server.start();
  }

  /** The port actually bound (useful when the options asked for 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The local URL of the running server, for tests and logs. */
  public URI localUrl() {
    String host = options.bindAddress().contains(":") ? "[" + options.bindAddress() + "]" : options.bindAddress();
    return URI.create("http://" + host + ":" + port());
  }

  /** Stops accepting, lets in-flight requests finish (up to the grace period), then stops. */
  @Override
  public void close() throws Exception {
    server.stop();
  }

  public void join() throws InterruptedException {
    server.join();
  }
}
