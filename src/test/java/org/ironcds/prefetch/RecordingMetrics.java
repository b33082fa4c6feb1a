package org.ironcds.prefetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Metrics that remember every call, for assertions. */
final class RecordingMetrics implements PrefetchMetrics {
  final List<String> supplied = new CopyOnWriteArrayList<>();
  final List<String> fetched = new CopyOnWriteArrayList<>();
  final List<String> failed = new CopyOnWriteArrayList<>();
  final List<Duration> latencies = new CopyOnWriteArrayList<>();
  final List<Boolean> exchangeSucceeded = new CopyOnWriteArrayList<>();

  @Override
  public void keySupplied(String key) {
    supplied.add(key);
  }

  @Override
  public void keyFetched(String key) {
    fetched.add(key);
  }

  @Override
  public void fetchFailed(String key, FetchFailure reason) {
    failed.add(key + ":" + reason.code());
  }

  @Override
  public void fetchLatency(Duration latency, boolean succeeded) {
    latencies.add(latency);
    exchangeSucceeded.add(succeeded);
  }
}
