package org.ironcds;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the JIT warming after ready while the server is idle: one bundled call at a time, whenever
 * no request has been in flight for {@link #QUIET_POLLS} polls in a row, until the JIT has settled
 * (and {@link #SETTLED_TAIL_NANOS} more), {@code budget} has passed or the server closes.
 *
 * <p>Why: a fresh JVM needs 15-30 s of compiler work before a call runs at full speed, and only
 * calls make the JIT do it. A busy instance gets there from its own traffic, but one serving a
 * call a second, as most hospitals' will, still took 2-11 ms a call 30-50 s after ready, against
 * 0.9 ms with this warm-up (docs/performance.md). The cores are idle after start-up anyway. A
 * request that arrives during a warm-up call shares the CPU, and the gate's permits, with that
 * one call only.
 *
 * <p>Settled means the warm-up gate has opened: the calls run through it and it opens once the
 * compilers have gone quiet while calls kept coming (see {@code WarmUpGate}).
 */
final class IdleWarmUp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IdleWarmUp.class);
  static final long POLL_MILLIS = 5;
  /**
   * 100 ms with nothing in flight: gaps between a busy client's calls are shorter, so a client
   * sending calls back to back never meets a warm-up call.
   */
  static final int QUIET_POLLS = 20;
  /**
   * How long it goes on once settled: the gate's open path, which the calls take from then on,
   * gets compiled too, so the first real call through it does not run it interpreted.
   */
  static final long SETTLED_TAIL_NANOS = 2_000_000_000L;

  private final Runnable call;
  private final BooleanSupplier busy;
  private final BooleanSupplier settled;
  private final Duration budget;
  private final AutoCloseable resources;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param call one warm-up call; it must not touch what real calls record
   * @param busy whether a real request is in flight
   * @param settled whether the JIT has settled, so warming on is pointless
   * @param resources closed when the warm-up ends (the warm-up's own catalog parts)
   */
  IdleWarmUp(Runnable call, BooleanSupplier busy, BooleanSupplier settled, Duration budget, AutoCloseable resources) {
    this.call = Objects.requireNonNull(call, "call == null");
    this.busy = Objects.requireNonNull(busy, "busy == null");
    this.settled = Objects.requireNonNull(settled, "settled == null");
    this.budget = Objects.requireNonNull(budget, "budget == null");
    this.resources = Objects.requireNonNull(resources, "resources == null");
    this.thread = new Thread(this::run, "idle-warm-up");
    thread.setDaemon(true);
  }

  /** Starts warming in the background; a zero budget turns the idle warm-up off. */
  void start() {
    if (budget.isZero()) {
      closeResources();
      return;
    }
    thread.start();
  }

  private void run() {
    long started = System.nanoTime();
    long calls = 0;
    String reason = "closed";
    try {
      int quiet = 0;
      long settledAt = 0;
      while (running) {
        if (settledAt == 0 && settled.getAsBoolean()) {
          settledAt = System.nanoTime();
        }
        if (settledAt != 0 && System.nanoTime() - settledAt >= SETTLED_TAIL_NANOS) {
          reason = "jit_settled";
          break;
        }
        if (System.nanoTime() - started >= budget.toNanos()) {
          reason = "budget";
          break;
        }
        quiet = busy.getAsBoolean() ? 0 : quiet + 1;
        if (quiet <= QUIET_POLLS) {
          Thread.sleep(POLL_MILLIS);
          continue;
        }
        call.run();
        calls++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The service runs on without it; only the class is logged, never a message with data.
      reason = "failed error=" + e.getClass().getName();
    } finally {
      closeResources();
    }
    LOG.info("event=idle_warm_up_done reason={} calls={} seconds={}", reason, calls,
        (System.nanoTime() - started) / 1_000_000_000L);
  }

  private void closeResources() {
    try {
      resources.close();
    } catch (Exception e) {
      // Only the warm-up's own parts; nothing a real call depends on.
    }
  }

  /** Stops warming and waits briefly for the call under way. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread.getState() == Thread.State.NEW) { // never started: nothing else will close them
      closeResources();
      return;
    }
    thread.interrupt();
    thread.join(Duration.ofSeconds(2).toMillis());
  }
}
