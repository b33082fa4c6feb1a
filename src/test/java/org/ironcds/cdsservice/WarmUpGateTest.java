package org.ironcds.cdsservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WarmUpGateTest {
  private final AtomicLong compileMillis = new AtomicLong();
  private final AtomicLong nanos = new AtomicLong(1_000L);

  private WarmUpGate gate(int permits) {
    return new WarmUpGate(permits, compileMillis::get, nanos::get);
  }

  /** {@code calls} quick calls, then a clock step of one check window, then one more call to check. */
  private void busyWindow(WarmUpGate gate, int calls, long compiledMillis) {
    for (int i = 0; i < calls; i++) {
      gate.run(() -> 1);
    }
    compileMillis.addAndGet(compiledMillis);
    nanos.addAndGet(WarmUpGate.WINDOW_NANOS);
    gate.run(() -> 1);
  }

  @Test
  void whileWarmingNoMoreCallsRunAtOnceThanThereArePermits() throws Exception {
    WarmUpGate gate = gate(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      Future<?>[] calls = new Future<?>[6];
      for (int i = 0; i < calls.length; i++) {
        calls[i] = pool.submit(() -> gate.run(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          await(release);
          return running.decrementAndGet();
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (running.get() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(100); // time for the other four to reach the gate too
      assertThat(running.get()).isEqualTo(2);
      release.countDown();
      for (Future<?> call : calls) {
        call.get(5, TimeUnit.SECONDS);
      }
      assertThat(most.get()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void opensAfterBusyWindowsInARowWhileTheCompilerIsAlmostIdle() {
    WarmUpGate gate = gate(2);
    busyWindow(gate, WarmUpGate.BUSY_CALLS, 400); // the JIT still compiling 40 % of the window
    for (int i = 1; i < WarmUpGate.QUIET_WINDOWS; i++) {
      busyWindow(gate, WarmUpGate.BUSY_CALLS, 10); // 1 %: quiet
    }
    busyWindow(gate, WarmUpGate.BUSY_CALLS, 300); // a large compilation: start counting again
    for (int i = 1; i < WarmUpGate.QUIET_WINDOWS; i++) {
      busyWindow(gate, WarmUpGate.BUSY_CALLS, 10);
    }
    assertThat(gate.isOpen()).isFalse();
    busyWindow(gate, WarmUpGate.BUSY_CALLS, 10);
    assertThat(gate.isOpen()).isTrue();
  }

  @Test
  void anIdleServiceDoesNotCountAsSettled() {
    WarmUpGate gate = gate(2);
    busyWindow(gate, 5, 0); // nothing compiled, but hardly any calls either: the JIT has had nothing to do
    assertThat(gate.isOpen()).isFalse();
  }

  @Test
  void opensAfterTheTimeLimitEvenIfTheCompilerNeverSettles() {
    WarmUpGate gate = gate(2);
    nanos.addAndGet(WarmUpGate.LIMIT_NANOS);
    busyWindow(gate, WarmUpGate.BUSY_CALLS, 900);
    assertThat(gate.isOpen()).isTrue();
  }

  @Test
  @Timeout(10)
  void onceOpenCallsNoLongerWaitForPermits() throws Exception {
    WarmUpGate gate = gate(1);
    for (int i = 0; i < WarmUpGate.QUIET_WINDOWS; i++) {
      busyWindow(gate, WarmUpGate.BUSY_CALLS, 0);
    }
    assertThat(gate.isOpen()).isTrue();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> gate.run(() -> {
      inside.countDown();
      await(release);
      return 1;
    }));
    holder.start();
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(gate.run(() -> "not held back")).isEqualTo("not held back"); // would block on a one-permit gate
    release.countDown();
    holder.join(5_000);
  }

  @Test
  @Timeout(10)
  void aFailingCallGivesItsPermitBack() {
    WarmUpGate gate = gate(1);
    try {
      gate.run(() -> {
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      // the permit must be back, or the next call would wait for ever
    }
    assertThat(gate.run(() -> "next")).isEqualTo("next");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
