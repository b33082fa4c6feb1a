package org.ironcds.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param bindAddress the interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port; 0 picks a free one (tests)
 * @param publicBaseUrl the base URL EHRs use to reach the service, without trailing slash; JWT
 *     audiences are this plus the request path, so it must match what clients sign
 * @param corsOriginPatterns allowed browser origins as Jetty regex patterns ({@code *} for any)
 * @param maxBodyBytes the largest request body accepted
 * @param idleTimeout how long an idle or stalled connection is kept
 * @param maxThreads the request thread pool size
 */
public record HttpOptions(
    String bindAddress,
    int port,
    URI publicBaseUrl,
    List<String> corsOriginPatterns,
    long maxBodyBytes,
    Duration idleTimeout,
    int maxThreads) {
  public HttpOptions {
    Objects.requireNonNull(bindAddress, "bindAddress == null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl == null");
    corsOriginPatterns = List.copyOf(corsOriginPatterns);
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024: " + maxBodyBytes);
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout == null");
  }

  /** The public base URL as text without a trailing slash. */
  String baseUrlText() {
    String text = publicBaseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
