package org.ironcds.httpclient;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An HTTP client built on first use, then shared.
 *
 * <p>Why: building the first {@link HttpClient} in a JVM loads the JDK's TLS context with its
 * trusted certificates, about a quarter of a second of one core (docs/performance.md). A service
 * whose calls carry all their prefetch, or whose JWKS are local, never needs the client, and the
 * start-up path should not wait for it.
 */
public final class LazyHttpClient implements Supplier<HttpClient> {
  private final Supplier<HttpClient> build;
  private volatile HttpClient client;

  public LazyHttpClient(Supplier<HttpClient> build) {
    this.build = Objects.requireNonNull(build, "build == null");
  }

  /** A holder of a client built already, for callers that build it ahead, off the start-up path. */
  public static LazyHttpClient of(HttpClient client) {
    Objects.requireNonNull(client, "client == null");
    LazyHttpClient built = new LazyHttpClient(() -> client);
    built.client = client;
    return built;
  }

  /** Whether the client has been built. */
  public boolean built() {
    return client != null;
  }

  @Override
  public HttpClient get() {
    HttpClient current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          current = Objects.requireNonNull(build.get(), "the client builder returned null");
          client = current;
        }
      }
    }
    return current;
  }
}
