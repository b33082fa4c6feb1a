package org.ironcds.feedback;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background task that deletes stored cards and feedback older than the retention period, once
 * at start and then at a fixed interval. Runs on its own daemon thread; {@link #close} stops it.
 */
public final class RetentionPruner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

  private final ScheduledExecutorService scheduler;

  private RetentionPruner(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  static RetentionPruner start(FeedbackStore store, Duration retention, Duration every, Clock clock) {
    Objects.requireNonNull(store, "store == null");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("every must be positive: " + every);
    }
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "feedback-pruner");
      thread.setDaemon(true);
      return thread;
    });
    Runnable prune = () -> {
      try {
        int deleted = store.pruneOlderThan(clock.instant().minus(retention));
        log.info("event=feedback_pruned rows={} retention_days={}", deleted, retention.toDays());
      } catch (RuntimeException e) {
        log.warn("event=feedback_prune_failed error={}", e.getClass().getName());
      }
    };
    scheduler.scheduleWithFixedDelay(prune, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return new RetentionPruner(scheduler);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
