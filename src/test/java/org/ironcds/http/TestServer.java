package org.ironcds.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ironcds.auth.ClientAuthenticator;
import org.ironcds.cdsservice.CdsService;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.metrics.Metrics;

/**
 * Starts the real HTTP server on a random loopback port for tests. The public base URL is fixed
 * ({@link #PUBLIC_BASE}) so JWT audiences do not depend on the port.
 */
public final class TestServer implements AutoCloseable {
  public static final String PUBLIC_BASE = "https://cds.example.test";

  private final HttpServer server;

  private TestServer(HttpServer server) {
    this.server = server;
  }

  /** A builder with trial defaults: no authentication, 1 MiB bodies, CORS for any origin. */
  public static Builder builder(List<CdsService> services) {
    return new Builder(services);
  }

  public int port() {
    return server.port();
  }

  public URI url() {
    return server.localUrl();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  /** Options for a test server. */
  public static final class Builder {
    private final List<CdsService> services;
    private ClientAuthenticator authenticator = ClientAuthenticator.disabled();
    private long maxBodyBytes = 1_048_576;
    private List<String> corsOrigins = List.of("*");
    private final List<Endpoint> extraEndpoints = new ArrayList<>();
    private Metrics metrics = Metrics.NONE;

    private Builder(List<CdsService> services) {
      this.services = List.copyOf(services);
    }

    public Builder authenticator(ClientAuthenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder corsOrigins(List<String> corsOrigins) {
      this.corsOrigins = List.copyOf(corsOrigins);
      return this;
    }

    public Builder metrics(Metrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder endpoint(Endpoint endpoint) {
      extraEndpoints.add(endpoint);
      return this;
    }

    public TestServer start() throws Exception {
      HttpOptions options = new HttpOptions("127.0.0.1", 0, URI.create(PUBLIC_BASE), corsOrigins, maxBodyBytes,
          Duration.ofSeconds(30), 32);
      HttpServer server = new HttpServer(options, new ServiceCatalog(services), authenticator, () -> true,
          extraEndpoints, metrics);
      server.start();
      return new TestServer(server);
    }
  }
}
