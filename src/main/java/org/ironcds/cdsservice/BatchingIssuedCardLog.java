package org.ironcds.cdsservice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records issued cards off the request path: calls only enqueue, and one background thread writes
 * batches to the delegate. A signing clinician never waits for the database.
 *
 * <p>Why this is safe: feedback is joined to issued cards when the summary is read, so a card
 * recorded a few milliseconds after its feedback still gets attributed. The queue is bounded; when
 * the store falls behind, further cards are dropped and counted rather than slowing hook calls (their
 * feedback is then reported as unattributed). Queued cards keep only what attribution needs (see
 * {@link IssuedCard#forAttribution()}), so a full queue stays small. {@link #close()} writes what
 * is queued.
 *
 * <p>Once a card arrives the writer lets more gather for a short linger before it writes them in one
 * transaction. A commit costs far more than a row (about a millisecond of CPU on either database,
 * against tens of microseconds per card), and at a steady rate the writer would otherwise commit
 * nearly every hook call's cards on their own. The linger delays only the record, never a hook call;
 * a crash loses at most the linger's worth of cards more than it would anyway.
 */
public final class BatchingIssuedCardLog implements IssuedCardLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchingIssuedCardLog.class);
  private static final int BATCH = 500;
  /** Long enough to put tens of hook calls in one transaction at a few hundred calls a second. */
  public static final Duration DEFAULT_LINGER = Duration.ofMillis(100);

  private final IssuedCardLog delegate;
  private final BlockingQueue<IssuedCard> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final long lingerMillis;
  private final Thread writer;
  private volatile boolean running = true;

  public BatchingIssuedCardLog(IssuedCardLog delegate, int capacity) {
    this(delegate, capacity, DEFAULT_LINGER);
  }

  /** A log that waits up to {@code linger} after a card arrives for more to write with it. */
  public BatchingIssuedCardLog(IssuedCardLog delegate, int capacity, Duration linger) {
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must not be negative: " + linger);
    }
    this.delegate = delegate;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.lingerMillis = linger.toMillis();
    this.writer = new Thread(this::drainLoop, "issued-card-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void record(List<IssuedCard> cards) {
    for (IssuedCard card : cards) {
      if (!queue.offer(card.forAttribution())) {
        long total = dropped.incrementAndGet();
        if (Long.bitCount(total) == 1) { // log on 1, 2, 4, 8 ... drops, not on every one
          LOG.warn("event=issued_cards_dropped total={} reason=queue_full", total);
        }
      }
    }
  }

  /** Cards dropped because the queue was full, since start. */
  public long dropped() {
    return dropped.get();
  }

  private void drainLoop() {
    List<IssuedCard> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        IssuedCard first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        linger();
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        delegate.record(List.copyOf(batch));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("event=issued_cards_not_recorded count={} error={}", batch.size(), e.getClass().getName());
      } finally {
        batch.clear();
      }
    }
  }

  /** Waits for more cards unless a full batch is already queued or the log is closing. */
  private void linger() {
    if (lingerMillis == 0 || !running || queue.size() >= BATCH - 1) {
      return;
    }
    try {
      Thread.sleep(lingerMillis);
    } catch (InterruptedException e) {
      // Write the card already taken; the next poll sees the interrupt and ends the loop.
      Thread.currentThread().interrupt();
    }
  }

  /** Stops accepting work, writes what is queued (waiting at most {@code timeout}). */
  public void close(Duration timeout) throws InterruptedException {
    running = false;
    writer.join(timeout.toMillis());
  }

  @Override
  public void close() throws InterruptedException {
    close(Duration.ofSeconds(5));
  }
}
