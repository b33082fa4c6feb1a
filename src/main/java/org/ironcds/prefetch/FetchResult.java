package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The outcome of one fetch as the resolver sees it: a value or a failure, and how long it took. */
record FetchResult(Optional<JsonNode> value, Optional<FetchException> failure, Duration latency) {
  /**
   * Waits for every fetch until the deadline, never longer. A fetch not done by then counts as
   * failed with {@code DEADLINE}; its exchange ends on its own soon after, since no request's
   * timeout outlasts the time that was left.
   */
  static Map<String, FetchResult> awaitAll(
      Map<String, CompletableFuture<JsonNode>> launched, Instant deadline, Clock clock) {
    Instant launchedAt = clock.instant();
    Map<String, CompletableFuture<FetchResult>> pending = new LinkedHashMap<>();
    launched.forEach(
        (key, future) -> pending.put(key, future.handle((value, error) -> of(value, error, launchedAt, clock))));
    try {
      long millis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
      CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Stragglers are settled below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<String, FetchResult> done = new LinkedHashMap<>();
    pending.forEach((key, result) -> done.put(key, result.getNow(deadline(launchedAt, clock))));
    return done;
  }

  private static FetchResult of(JsonNode value, Throwable error, Instant launchedAt, Clock clock) {
    Duration latency = Duration.between(launchedAt, clock.instant());
    return error == null
        ? new FetchResult(Optional.of(value), Optional.empty(), latency)
        : new FetchResult(Optional.empty(), Optional.of(FetchException.from(error, false)), latency);
  }

  private static FetchResult deadline(Instant launchedAt, Clock clock) {
    FetchException failure = new FetchException(FetchFailure.DEADLINE);
    return new FetchResult(Optional.empty(), Optional.of(failure), Duration.between(launchedAt, clock.instant()));
  }
}
