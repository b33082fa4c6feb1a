package org.ironcds.feedback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.ironcds.cdshooks.FeedbackItem;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.CdsService;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.http.FeedbackEndpoints;
import org.ironcds.http.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Feedback throughput under concurrent load: {@code threads} clients each posting one-item batches
 * as fast as they are answered, once straight into {@link FeedbackStore} and once through HTTP
 * (Jetty, routing, JSON validation, store), on the embedded database and on PostgreSQL. Every item
 * is new, so every post is a committed insert.
 *
 * <p>Not part of the normal suite: the class name does not end in Test, and it skips itself unless
 * the system property {@code benchmark} is true. Run it with
 *
 * <pre>
 * mvn -q -B -o test -Dtest=FeedbackThroughputBenchmark -Dbenchmark=true; cat target/feedback-benchmark.txt
 * </pre>
 *
 * <p>System properties {@code benchmark.threads} (16), {@code benchmark.seconds} (10) and {@code
 * benchmark.warmup} (3) tune it.
 */
@Tag("benchmark")
class FeedbackThroughputBenchmark {
  static final int THREADS = Integer.getInteger("benchmark.threads", 16);
  static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
  static final int WARMUP = Integer.getInteger("benchmark.warmup", 3);
  static final String SERVICE = ServiceDescriptors.ORDER_SIGN_ID;

  @TempDir Path dataDir;

  @Test
  void measure() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("benchmark"), "a benchmark; run it with -Dbenchmark=true");
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "feedback throughput: %d threads, one item per post, %d s after %d s warm-up, %d cores",
        THREADS, SECONDS, WARMUP, Runtime.getRuntime().availableProcessors()));
    StorageOptions h2 = StorageOptions.defaults().withDataDir(dataDir).withPoolSize(THREADS);
    lines.add(run("H2 (embedded file)", h2));
    PostgresTestDatabase postgres = null;
    try {
      PostgresTestDatabase.assumeReachable();
      postgres = PostgresTestDatabase.create();
      lines.add(run("PostgreSQL (127.0.0.1)", postgres.options().withPoolSize(THREADS)));
    } catch (TestAbortedException e) {
      lines.add("PostgreSQL: skipped, " + e.getMessage());
    } finally {
      if (postgres != null) {
        postgres.drop();
      }
    }
    String report = String.join("\n", lines) + "\n";
    System.out.print(report);
    Files.writeString(Path.of("target", "feedback-benchmark.txt"), report);
  }

  private static String run(String name, StorageOptions options) throws Exception {
    try (FeedbackStore store = FeedbackStore.open(options)) {
      double direct = measure(() -> store.store(SERVICE, Cards.EHR, List.of(newItem())));
      List<CdsService> services = List.of(new AdvisoryService(
          ServiceDescriptors.orderSign(Map.of()), (request, now) -> List.of(), store, Clock.systemUTC()));
      TestServer.Builder builder = TestServer.builder(services);
      FeedbackEndpoints.of(new ServiceCatalog(services), store, AdminCredential.disabled()).forEach(builder::endpoint);
      double http;
      try (TestServer server = builder.start()) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI url = URI.create(server.url() + "/cds-services/" + SERVICE + "/feedback");
        http = measure(() -> post(client, url));
      }
      return String.format(Locale.ROOT, "%-24s FeedbackStore.store: %,8.0f items/s   HTTP POST .../feedback: %,8.0f items/s",
          name, direct, http);
    }
  }

  private interface Post {
    void run() throws Exception;
  }

  /** Items per second over the measurement window, after a warm-up. */
  private static double measure(Post post) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean counting = new AtomicBoolean();
    LongAdder done = new LongAdder();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      workers.add(threads.submit(() -> {
        while (!stop.get()) {
          post.run();
          if (counting.get()) {
            done.increment();
          }
        }
        return null;
      }));
    }
    TimeUnit.SECONDS.sleep(WARMUP);
    counting.set(true);
    long started = System.nanoTime();
    TimeUnit.SECONDS.sleep(SECONDS);
    long count = done.sum();
    double elapsed = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    for (Future<?> worker : workers) {
      worker.get();
    }
    threads.shutdown();
    return count / elapsed;
  }

  private static FeedbackItem newItem() {
    return FeedbackItem.accepted(UUID.randomUUID(), List.of(UUID.randomUUID()), Instant.now());
  }

  private static void post(HttpClient client, URI url) throws IOException, InterruptedException {
    String body = """
        {"feedback":[{"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"%s"}],"outcomeTimestamp":"%s"}]}"""
        .formatted(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
    HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("feedback answered " + status);
    }
  }
}
