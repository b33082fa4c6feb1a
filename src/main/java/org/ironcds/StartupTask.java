package org.ironcds;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One start-up stage running on its own thread while the main thread does another. Start-up is
 * mostly class loading and first-time initialisation in independent libraries (H2 and HikariCP,
 * Jetty, Jackson), so on two cores two stages finish in little more than the longer one.
 *
 * <p>{@link #join()} gives the stage's result or throws the stage's own exception, so a failure
 * reads exactly as it did when the stage ran on the main thread.
 */
final class StartupTask<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private StartupTask() {}

  /** Starts {@code work} now on a daemon thread named {@code startup-<stage>}, timed in {@code stages}. */
  static <T> StartupTask<T> start(String stage, StartupStages stages, Supplier<T> work) {
    StartupTask<T> task = new StartupTask<>();
    Thread thread = new Thread(() -> {
      try {
        task.result.complete(stages.time(stage, work));
      } catch (Throwable e) {
        task.result.completeExceptionally(e);
      }
    }, "startup-" + stage);
    // A failure elsewhere ends start-up with System.exit; this thread must not keep the JVM alive.
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  static StartupTask<Void> start(String stage, StartupStages stages, Runnable work) {
    return start(stage, stages, () -> {
      work.run();
      return null;
    });
  }

  /** Waits for the stage; rethrows its exception unchanged. */
  T join() {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("Start-up interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
