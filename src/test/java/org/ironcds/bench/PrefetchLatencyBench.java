package org.ironcds.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.prefetch.FakeEhr;
import org.ironcds.prefetch.HookRequests;
import org.ironcds.prefetch.PrefetchMetrics;
import org.ironcds.prefetch.PrefetchOptions;
import org.ironcds.prefetch.PrefetchResolver;
import org.ironcds.prefetch.TestChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;

/**
 * Measures what fetching costs a hook call: {@code resolve} with nothing prefetched (five searches
 * and one Medication read against the in-process fake EHR) against {@code resolve} with everything
 * prefetched. A plain loop, not JMH: the figure of interest is milliseconds of wall time per call.
 *
 * <p>Run through surefire, which has the test classpath (the name keeps it out of ordinary runs):
 *
 * <pre>
 * mvn -q -B -o test -Dtest=org.ironcds.bench.PrefetchLatencyBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false \
 *   && cat target/bench/prefetch-latency.txt
 * </pre>
 *
 * {@code -Dbench.warmup} and {@code -Dbench.iterations} change the defaults of 300 and 500 calls.
 */
class PrefetchLatencyBench {
  @Test
  @EnabledIfSystemProperty(named = "bench", matches = "true")
  void measure() throws Exception {
    int warmUp = Integer.getInteger("bench.warmup", 300);
    int measured = Integer.getInteger("bench.iterations", 500);
    quietLogging();
    try (FakeEhr ehr = FakeEhr.builder().resources(TestChart.all()).start()) {
      PrefetchOptions options = PrefetchOptions.defaults().withAllowedServers(List.of(ehr.baseUrl().toString()));
      PrefetchResolver resolver = new PrefetchResolver(TestChart.templates(), options, PrefetchMetrics.NONE);
      HookRequest fetchAll = HookRequests.orderSign(ehr.baseUrl()).build();
      HookRequest prefetched = HookRequests.orderSign(ehr.baseUrl()).completePrefetch().build();

      time(resolver, fetchAll, warmUp);
      time(resolver, prefetched, warmUp);
      long[] fetched = time(resolver, fetchAll, measured);
      long[] supplied = time(resolver, prefetched, measured);

      String report =
          String.format(
              "resolve, all 5 keys + 1 Medication fetched (%d calls): %s%n"
                  + "resolve, complete prefetch (%d calls): %s%n"
                  + "added by fetching: median %.2f ms, p99 %.2f ms%n",
              measured,
              summary(fetched),
              measured,
              summary(supplied),
              ms(percentile(fetched, 50) - percentile(supplied, 50)),
              ms(percentile(fetched, 99) - percentile(supplied, 99)));
      System.out.print(report);
      Path out = Path.of("target", "bench", "prefetch-latency.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    }
  }

  /**
   * Production levels or quieter: without a logging config, logback's DEBUG default would make
   * Jetty and HAPI write gigabytes and the bench would measure the console.
   */
  private static void quietLogging() {
    level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.WARN);
    level("org.ironcds", Level.INFO);
    level("org.ironcds.prefetch.PrefetchResolver", Level.WARN);
  }

  private static void level(String logger, Level level) {
    ((Logger) LoggerFactory.getLogger(logger)).setLevel(level);
  }

  private static long[] time(PrefetchResolver resolver, HookRequest request, int iterations) {
    long[] nanos = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      resolver.resolve(request);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static String summary(long[] sorted) {
    return String.format(
        "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
        ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  private static double ms(long nanos) {
    return nanos / (double) Duration.ofMillis(1).toNanos();
  }
}
