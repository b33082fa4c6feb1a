package org.ironcds.cdsservice;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets only as many calls use the CPU at once as there are cores until the JIT has compiled the hot
 * paths, then steps aside for good.
 *
 * <p>Why: the JIT's compiler threads get a share of the CPU like any other thread. A freshly started
 * instance taking 16 calls at once gave its compilers about a fifth of one core, so reaching full
 * speed took a minute instead of the 20-25 s it takes with two calls at once (docs/performance.md,
 * "The JIT under load"). Meanwhile it served a third to a half of what it could.
 *
 * <p>The gate opens for good after {@link #QUIET_WINDOWS} check windows in a row (about a second
 * each) in which the service was busy (at least {@link #BUSY_CALLS} gated calls) while the compilers
 * spent under a twentieth of the window compiling, or after {@link #LIMIT_NANOS} in any case. The
 * start-up warm-ups' calls run through the gate too and count like real ones, so an idle instance
 * that has warmed itself up opens it as well. Its cost after that is one volatile read per call;
 * before, only the queueing a saturated CPU imposes anyway. Wrap CPU work only, never a call to another server: a call waiting on the network would
 * hold a permit.
 */
public final class WarmUpGate {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUpGate.class);
  static final long WINDOW_NANOS = 1_000_000_000L;
  static final int BUSY_CALLS = 200;
  static final long LIMIT_NANOS = 300_000_000_000L;
  /** Compiling for less than this share of a window counts as quiet. */
  static final double QUIET_SHARE = 0.05;
  /** One quiet window can fall between two large compilations; this many in a row cannot, mostly. */
  static final int QUIET_WINDOWS = 3;

  private final Semaphore permits;
  private final LongSupplier compileMillis;
  private final LongSupplier nanoTime;
  private final long createdNanos;
  private final AtomicLong windowCalls = new AtomicLong();
  private int quietWindows;
  private volatile boolean open;
  private long windowStartNanos;
  private long windowStartCompileMillis;

  WarmUpGate(int permits, LongSupplier compileMillis, LongSupplier nanoTime) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1: " + permits);
    }
    this.permits = new Semaphore(permits);
    this.compileMillis = compileMillis;
    this.nanoTime = nanoTime;
    this.createdNanos = nanoTime.getAsLong();
    this.windowStartNanos = createdNanos;
    this.windowStartCompileMillis = compileMillis.getAsLong();
  }

  /**
   * A gate with one permit per core, watching this JVM's JIT; already open where the JVM does not
   * report compilation time, since then it could never tell when to open.
   */
  public static WarmUpGate forThisJvm() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
    WarmUpGate gate = new WarmUpGate(Runtime.getRuntime().availableProcessors(),
        measurable ? jit::getTotalCompilationTime : () -> 0L, System::nanoTime);
    gate.open = !measurable;
    return gate;
  }

  /** A gate that never holds anything back, for tests and tools that measure steady state only. */
  public static WarmUpGate alwaysOpen() {
    WarmUpGate gate = new WarmUpGate(1, () -> 0L, System::nanoTime);
    gate.open = true;
    return gate;
  }

  /** Runs {@code work}, first waiting for a permit while the JIT is still warming up. */
  public <T> T run(Supplier<T> work) {
    if (open) {
      return work.get();
    }
    permits.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      permits.release();
      windowCalls.incrementAndGet();
      checkSettled();
    }
  }

  /** Whether the gate has stepped aside. */
  public boolean isOpen() {
    return open;
  }

  private void checkSettled() {
    long now = nanoTime.getAsLong();
    if (now - windowStartNanos < WINDOW_NANOS) { // unlocked read: a stale value only delays a check
      return;
    }
    synchronized (this) {
      long window = now - windowStartNanos;
      if (open || window < WINDOW_NANOS) {
        return; // another thread has just checked
      }
      long compiled = compileMillis.getAsLong();
      long calls = windowCalls.getAndSet(0);
      boolean quiet = calls >= BUSY_CALLS && (compiled - windowStartCompileMillis) * 1_000_000.0 < QUIET_SHARE * window;
      quietWindows = quiet ? quietWindows + 1 : 0;
      boolean settled = quietWindows >= QUIET_WINDOWS;
      boolean timedOut = now - createdNanos >= LIMIT_NANOS;
      windowStartNanos = now;
      windowStartCompileMillis = compiled;
      if (settled || timedOut) {
        open = true;
        LOG.info("event=warm_up_gate_open reason={} seconds_after_start={}", settled ? "jit_settled" : "time_limit",
            (now - createdNanos) / 1_000_000_000L);
      }
    }
  }
}
