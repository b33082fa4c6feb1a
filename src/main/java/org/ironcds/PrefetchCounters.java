package org.ironcds;

import java.time.Duration;
import java.util.List;
import org.ironcds.metrics.Metrics;
import org.ironcds.prefetch.FetchFailure;
import org.ironcds.prefetch.PrefetchMetrics;

/** Reports the prefetch resolver's counters through {@link Metrics}. */
final class PrefetchCounters implements PrefetchMetrics {
  private static final String SUPPLIED = "supplied";
  private static final String FETCHED = "fetched";
  private static final String FAILED = "failed";
  /** Every {@code outcome} label value, for declaring the series at start-up. */
  static final List<String> OUTCOMES = List.of(SUPPLIED, FETCHED, FAILED);
  private final Metrics metrics;

  PrefetchCounters(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void keySupplied(String key) {
    metrics.prefetchKey(key, SUPPLIED);
  }

  @Override
  public void keyFetched(String key) {
    metrics.prefetchKey(key, FETCHED);
  }

  @Override
  public void fetchFailed(String key, FetchFailure reason) {
    metrics.prefetchKey(key, FAILED);
  }

  @Override
  public void fetchLatency(Duration latency, boolean succeeded) {
    metrics.fhirFetch(latency.toNanos(), succeeded);
  }
}
