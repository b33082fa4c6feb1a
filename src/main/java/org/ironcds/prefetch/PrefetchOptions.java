package org.ironcds.prefetch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the service fetches what a client did not prefetch.
 *
 * @param deadline the most one hook call may spend fetching, all keys and pages together
 * @param requestTimeout the most one HTTP exchange may take (also the connect timeout)
 * @param pageCap the most pages read for one key, the first included
 * @param maxResponseBytes the largest response body read; a larger one fails that key
 * @param allowedServers the FHIR servers that may be called, as origins or URL prefixes (see {@link
 *     FhirServerPolicy}); empty means the service never fetches
 */
public record PrefetchOptions(
    Duration deadline, Duration requestTimeout, int pageCap, long maxResponseBytes, List<String> allowedServers) {
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(1500);
  public static final int DEFAULT_PAGE_CAP = 5;
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

  public PrefetchOptions {
    Objects.requireNonNull(deadline, "deadline == null");
    Objects.requireNonNull(requestTimeout, "requestTimeout == null");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive: " + deadline);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
    }
    if (pageCap < 1) {
      throw new IllegalArgumentException("pageCap must be at least 1: " + pageCap);
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024: " + maxResponseBytes);
    }
    allowedServers = List.copyOf(allowedServers);
  }

  /** The defaults: 2 s deadline, 1.5 s per request, 5 pages, 10 MiB, and no server allowed. */
  public static PrefetchOptions defaults() {
    return new PrefetchOptions(
        DEFAULT_DEADLINE, DEFAULT_REQUEST_TIMEOUT, DEFAULT_PAGE_CAP, DEFAULT_MAX_RESPONSE_BYTES, List.of());
  }

  public PrefetchOptions withDeadline(Duration value) {
    return new PrefetchOptions(value, requestTimeout, pageCap, maxResponseBytes, allowedServers);
  }

  public PrefetchOptions withRequestTimeout(Duration value) {
    return new PrefetchOptions(deadline, value, pageCap, maxResponseBytes, allowedServers);
  }

  public PrefetchOptions withPageCap(int value) {
    return new PrefetchOptions(deadline, requestTimeout, value, maxResponseBytes, allowedServers);
  }

  public PrefetchOptions withMaxResponseBytes(long value) {
    return new PrefetchOptions(deadline, requestTimeout, pageCap, value, allowedServers);
  }

  public PrefetchOptions withAllowedServers(List<String> value) {
    return new PrefetchOptions(deadline, requestTimeout, pageCap, maxResponseBytes, value);
  }
}
