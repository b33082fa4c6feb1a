package org.ironcds.prefetch;

import java.time.Duration;

/**
 * Counters the resolver reports to the metrics layer. Keys are template keys (or {@code
 * medicationReference} for Medication reads), never data. Implementations must be safe for
 * concurrent use and fast: some calls come from HTTP client threads.
 *
 * <p>Maps one to one onto {@code org.ironcds.metrics.Metrics}: {@code prefetchKey(key, "supplied" |
 * "fetched" | "failed")} and {@code fhirFetch(nanos, succeeded)}.
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

  /**
   * One HTTP exchange with a FHIR server finished (a search, a further page, a Medication read):
   * how long it took and whether it gave usable data.
   */
  default void fetchLatency(Duration latency, boolean succeeded) {}
}
