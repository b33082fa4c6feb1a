package org.ironcds;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The warm-up after ready: runs only while idle, stops when settled, at its budget, on close or failure. */
class IdleWarmUpTest {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(IdleWarmUp.class);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicBoolean settled = new AtomicBoolean();
  private final CountDownLatch resourcesClosed = new CountDownLatch(1);

  @BeforeEach
  void capture() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void release() {
    logger.detachAppender(log);
  }

  private IdleWarmUp warmUp(Runnable call, Duration budget) {
    return new IdleWarmUp(call, busy::get, settled::get, budget, resourcesClosed::countDown);
  }

  private IdleWarmUp counting(Duration budget) {
    return warmUp(() -> {
      calls.incrementAndGet();
      sleep(1);
    }, budget);
  }

  @Test
  void callsOnlyWhileNoRequestIsInFlight() throws Exception {
    busy.set(true);
    try (IdleWarmUp warmUp = counting(Duration.ofMinutes(1))) {
      warmUp.start();
      sleep(200);
      assertThat(calls).as("a request was in flight the whole time").hasValue(0);

      busy.set(false);
      assertThat(awaitCalls(1)).as("idle: warming, once quiet for IdleWarmUp.QUIET_POLLS polls").isTrue();

      busy.set(true);
      sleep(100); // the call under way finishes
      int whenBusy = calls.get();
      sleep(300);
      assertThat(calls).as("busy again: no new call").hasValue(whenBusy);
    }
  }

  @Test
  void stopsOnceTheJitHasSettledAndAfterTheTail() throws Exception {
    try (IdleWarmUp warmUp = counting(Duration.ofMinutes(1))) {
      warmUp.start();
      sleep(100);
      settled.set(true);
      assertThat(resourcesClosed.await(1, TimeUnit.SECONDS)).as("still warming in the tail").isFalse();
      assertThat(resourcesClosed.await(IdleWarmUp.SETTLED_TAIL_NANOS / 1_000_000 + 2_000, TimeUnit.MILLISECONDS))
          .isTrue();
      assertThat(lastLine()).startsWith("event=idle_warm_up_done reason=jit_settled calls=");
    }
  }

  @Test
  void stopsAtItsBudget() throws Exception {
    try (IdleWarmUp warmUp = counting(Duration.ofSeconds(1))) {
      warmUp.start();
      assertThat(resourcesClosed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(lastLine()).startsWith("event=idle_warm_up_done reason=budget calls=");
      assertThat(calls.get()).isPositive();
    }
  }

  @Test
  void closeStopsItAndClosesItsParts() throws Exception {
    IdleWarmUp warmUp = counting(Duration.ofMinutes(1));
    warmUp.start();
    sleep(100);
    warmUp.close();
    assertThat(resourcesClosed.getCount()).isZero();
    int afterClose = calls.get();
    sleep(100);
    assertThat(calls).hasValue(afterClose);
    assertThat(lastLine()).startsWith("event=idle_warm_up_done reason=closed");
  }

  @Test
  void aFailingCallEndsTheWarmUpAndNamesOnlyTheErrorClass() throws Exception {
    try (IdleWarmUp warmUp = warmUp(() -> {
      throw new IllegalStateException("patient 123 data");
    }, Duration.ofMinutes(1))) {
      warmUp.start();
      assertThat(resourcesClosed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(lastLine()).startsWith("event=idle_warm_up_done reason=failed error=java.lang.IllegalStateException")
          .doesNotContain("patient");
    }
  }

  @Test
  void zeroBudgetTurnsItOff() throws Exception {
    try (IdleWarmUp warmUp = counting(Duration.ZERO)) {
      warmUp.start();
      sleep(100);
      assertThat(calls).hasValue(0);
      assertThat(resourcesClosed.getCount()).isZero();
    }
  }

  /** Waits up to 5 s (a loaded machine polls slowly) for {@code count} calls. */
  private boolean awaitCalls(int count) {
    for (int i = 0; i < 500 && calls.get() < count; i++) {
      sleep(10);
    }
    return calls.get() >= count;
  }

  private String lastLine() throws InterruptedException {
    for (int i = 0; i < 100 && lineCount() == 0; i++) {
      sleep(20); // the line comes just after the parts are closed
    }
    synchronized (log) { // the warm-up thread appends under the appender's lock
      return log.list.get(log.list.size() - 1).getFormattedMessage();
    }
  }

  private int lineCount() {
    synchronized (log) {
      return log.list.size();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
