package org.ironcds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * How long each start-up stage took, for the {@code event=ready} line. Start-up time is mostly
 * class loading spread over many libraries, so the stages are what tells an operator (and issue 7)
 * where it went.
 *
 * <p>Safe for concurrent use: stages may run on different threads, and then their times overlap.
 */
final class StartupStages {
  private final Map<String, Long> millis = new LinkedHashMap<>();

  /** Runs one stage and remembers how long it took, also when it fails. */
  <T> T time(String stage, Supplier<T> work) {
    long started = System.nanoTime();
    try {
      return work.get();
    } finally {
      record(stage, (System.nanoTime() - started) / 1_000_000);
    }
  }

  void time(String stage, Runnable work) {
    time(stage, () -> {
      work.run();
      return null;
    });
  }

  private synchronized void record(String stage, long ms) {
    millis.put(stage, ms);
  }

  /** The stages in the order they finished, e.g. {@code knowledge:310,database:640}. */
  @Override
  public synchronized String toString() {
    StringJoiner text = new StringJoiner(",");
    millis.forEach((stage, ms) -> text.add(stage + ":" + ms));
    return text.toString();
  }
}
