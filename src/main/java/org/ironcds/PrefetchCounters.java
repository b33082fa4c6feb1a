package org.ironcds;

import java.time.Duration;
import org.ironcds.metrics.Metrics;
import org.ironcds.prefetch.FetchFailure;
import org.ironcds.prefetch.PrefetchMetrics;

/** Reports the prefetch resolver's counters through {@link Metrics}. */
final class PrefetchCounters implements PrefetchMetrics {
  private final Metrics metrics;

  PrefetchCounters(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void keySupplied(String key) {
    metrics.prefetchKey(key, "supplied");
  }

  @Override
  public void keyFetched(String key) {
    metrics.prefetchKey(key, "fetched");
  }

  @Override
  public void fetchFailed(String key, FetchFailure reason) {
    metrics.prefetchKey(key, "failed");
  }

  @Override
  public void fetchLatency(Duration latency, boolean succeeded) {
    metrics.fhirFetch(latency.toNanos(), succeeded);
  }
}
