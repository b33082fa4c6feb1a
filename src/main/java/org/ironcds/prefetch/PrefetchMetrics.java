package org.ironcds.prefetch;

import java.time.Duration;

/**
 * Counters the resolver reports to the metrics layer. Keys are template keys, never data.
 * Implementations must be safe for concurrent use and fast: they are called on HTTP client threads.
 */
public interface PrefetchMetrics {
  /** Reports nothing. */
  PrefetchMetrics NONE = new PrefetchMetrics() {};

  /** The client supplied {@code key} (a resource, a Bundle or {@code null}). */
  default void keySupplied(String key) {}

  /** The service fetched {@code key} from the FHIR server. */
  default void keyFetched(String key) {}

  /** The service needed {@code key} and could not get it. */
  default void fetchFailed(String key, FetchFailure reason) {}

  /** How long fetching one key took, all its pages included, whether it worked or not. */
  default void fetchLatency(Duration latency) {}
}
