package org.ironcds.feedback;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Source;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdsservice.BatchingIssuedCardLog;
import org.ironcds.cdsservice.IssuedCard;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The cost of recording issued cards, on the embedded database and on PostgreSQL: cards per second
 * and CPU per card when one thread records straight into {@link FeedbackStore} (one hook call's two
 * cards per transaction, then 200 cards per transaction), and CPU per card when hook calls arrive at
 * a steady rate through {@link BatchingIssuedCardLog}, as in the server.
 *
 * <p>Each hook call gives the two cards the benchmark request gets from the service: the risk card
 * with two lab-order suggestions and the switch card with three alternatives, both with the four
 * configured override reasons, slimmed as the queue keeps them. CPU is this JVM's (writer, H2 and
 * JIT/GC threads together; in the steady run without the thread that paces the calls) and, on
 * PostgreSQL, that of the server processes serving the store's connections.
 *
 * <p>Not part of the normal suite: it skips itself unless the system property {@code benchmark} is
 * true. Run it with
 *
 * <pre>
 * mvn -q -B -o test -Dtest=IssuedCardRecordingBenchmark -Dbenchmark=true; cat target/issued-card-benchmark.txt
 * </pre>
 *
 * <p>System properties {@code benchmark.seconds} (4, per round), {@code benchmark.rounds} (3),
 * {@code benchmark.warmup} (3), {@code benchmark.rate} (hook calls per second in the steady run,
 * 500) and {@code benchmark.linger} (the queue's, in ms) tune it. The machine is rarely idle, so each figure is the median of the rounds.
 */
@Tag("benchmark")
class IssuedCardRecordingBenchmark {
  static final int SECONDS = Integer.getInteger("benchmark.seconds", 4);
  static final int WARMUP = Integer.getInteger("benchmark.warmup", 3);
  static final int CALLS_PER_SECOND = Integer.getInteger("benchmark.rate", 500);
  static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
  static final Duration LINGER =
      Duration.ofMillis(Long.getLong("benchmark.linger", BatchingIssuedCardLog.DEFAULT_LINGER.toMillis()));
  static final String APPLICATION = "issued-card-benchmark";
  /** Cards handed to the store under test and not dropped by the queue. */
  static final AtomicLong RECORDED = new AtomicLong();

  @TempDir Path dataDir;

  @Test
  void measure() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("benchmark"), "a benchmark; run it with -Dbenchmark=true");
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "recording issued cards: 2 cards (5 suggestions) per hook call, one writer thread;"
        + " median of %d rounds of %d s after %d s warm-up (JVM CPU range in brackets); %d cores",
        ROUNDS, SECONDS, WARMUP, Runtime.getRuntime().availableProcessors()));
    lines.addAll(run("H2 (embedded file)", StorageOptions.defaults().withDataDir(dataDir).withPoolSize(2), false));
    PostgresTestDatabase postgres = null;
    try {
      PostgresTestDatabase.assumeReachable();
      postgres = PostgresTestDatabase.create();
      StorageOptions options = postgres.options();
      options = options.withJdbcUrl(options.effectiveJdbcUrl() + "&ApplicationName=" + APPLICATION).withPoolSize(2);
      lines.addAll(run("PostgreSQL (127.0.0.1)", options, true));
    } catch (TestAbortedException e) {
      lines.add("PostgreSQL: skipped, " + e.getMessage());
    } finally {
      if (postgres != null) {
        postgres.drop();
      }
    }
    String report = String.join("\n", lines) + "\n";
    System.out.print(report);
    Files.writeString(Path.of("target", "issued-card-benchmark.txt"), report);
  }

  private static List<String> run(String name, StorageOptions options, boolean postgres) throws Exception {
    List<String> lines = new ArrayList<>();
    try (FeedbackStore store = FeedbackStore.open(options)) {
      Cpu cpu = new Cpu(postgres ? Optional.of(options.effectiveJdbcUrl()) : Optional.empty());
      lines.add(String.format(Locale.ROOT, "%-24s %s", name,
          describe("FeedbackStore.record, 1 hook call per transaction", direct(store, cpu, 1))));
      lines.add(String.format(Locale.ROOT, "%-24s %s", "",
          describe("FeedbackStore.record, 100 hook calls per transaction", direct(store, cpu, 100))));
      lines.add(String.format(Locale.ROOT, "%-24s %s", "", describe(String.format(Locale.ROOT,
          "BatchingIssuedCardLog at %,d cards/s, %d ms linger", 2 * CALLS_PER_SECOND, LINGER.toMillis()), steady(store, cpu))));
      lines.add(String.format(Locale.ROOT, "%-24s %s", "", describe(String.format(Locale.ROOT,
          "  the same with a store that does nothing"), steady(cards -> {}, cpu))));
      // Recording never throws, so a failing insert would look fast; every card handed over must be there.
      long issued = store.summary(SummaryQuery.all()).rules().stream().mapToLong(r -> r.issued()).sum();
      if (issued != RECORDED.getAndSet(0)) {
        throw new IllegalStateException(name + ": cards went missing, see event=issued_cards_not_recorded in the log");
      }
    }
    return lines;
  }

  /** What one round found; dropped is only for the queued run. */
  private record Result(long cards, double seconds, long jvmNanos, Optional<Long> serverNanos, long dropped) {
    double jvmPerCard() {
      return jvmNanos / 1e3 / cards;
    }
  }

  /** The round with the median JVM CPU per card, with the range over all rounds. */
  private static String describe(String what, List<Result> rounds) {
    List<Result> sorted = rounds.stream().sorted(Comparator.comparingDouble(Result::jvmPerCard)).toList();
    Result median = sorted.get(sorted.size() / 2);
    String server = median.serverNanos()
        .map(n -> String.format(Locale.ROOT, "   server CPU %6.1f µs/card", n / 1e3 / median.cards())).orElse("");
    long dropped = rounds.stream().mapToLong(Result::dropped).sum();
    String drops = dropped > 0 ? String.format(Locale.ROOT, "   dropped %,d", dropped) : "";
    return String.format(Locale.ROOT, "%-52s %,8.0f cards/s   JVM CPU %6.1f µs/card [%.0f–%.0f]%s%s",
        what, median.cards() / median.seconds(), median.jvmPerCard(), sorted.get(0).jvmPerCard(),
        sorted.get(sorted.size() - 1).jvmPerCard(), server, drops);
  }

  /** One thread recording {@code calls} hook calls' cards per transaction, as fast as the store takes them. */
  private static List<Result> direct(FeedbackStore store, Cpu cpu, int calls) {
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP);
    while (System.nanoTime() < warmupEnd) {
      store.record(hookCalls(calls));
      RECORDED.addAndGet(2L * calls);
    }
    List<Result> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Cpu.Sample before = cpu.sample();
      long started = System.nanoTime();
      long end = started + TimeUnit.SECONDS.toNanos(SECONDS);
      long cards = 0;
      while (System.nanoTime() < end) {
        List<IssuedCard> batch = hookCalls(calls);
        store.record(batch);
        cards += batch.size();
        RECORDED.addAndGet(batch.size());
      }
      double elapsed = (System.nanoTime() - started) / 1e9;
      Cpu.Sample after = cpu.sample();
      rounds.add(new Result(cards, elapsed, after.jvm() - before.jvm(), cpu.serverDelta(before, after), 0));
    }
    return rounds;
  }

  /**
   * Hook calls at a steady rate through the queue the server uses (with its default linger); CPU
   * counts until the queue has been written. The cards are made before the clock starts, so making
   * them is not counted.
   */
  private static List<Result> steady(IssuedCardLog store, Cpu cpu) throws InterruptedException {
    paced(store, hookCalls(CALLS_PER_SECOND * WARMUP));
    List<Result> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<IssuedCard> cards = hookCalls(CALLS_PER_SECOND * SECONDS);
      Cpu.Sample before = cpu.sample();
      long started = System.nanoTime();
      long dropped = paced(store, cards);
      double elapsed = (System.nanoTime() - started) / 1e9;
      Cpu.Sample after = cpu.sample();
      // The calling thread only paces the hook calls; the queue, writer and database are the rest.
      long jvm = (after.jvm() - before.jvm()) - (after.caller() - before.caller());
      rounds.add(new Result(cards.size() - dropped, elapsed, jvm, cpu.serverDelta(before, after), dropped));
    }
    return rounds;
  }

  /** Records two cards at a time at {@link #CALLS_PER_SECOND}; returns how many the queue dropped. */
  private static long paced(IssuedCardLog store, List<IssuedCard> cards) throws InterruptedException {
    BatchingIssuedCardLog queue = new BatchingIssuedCardLog(store, 10_000, LINGER);
    long interval = TimeUnit.SECONDS.toNanos(1) / CALLS_PER_SECOND;
    long next = System.nanoTime();
    for (int i = 0; i + 1 < cards.size(); i += 2) {
      queue.record(cards.subList(i, i + 2));
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
    queue.close();
    if (store instanceof FeedbackStore) {
      RECORDED.addAndGet(cards.size() - queue.dropped());
    }
    return queue.dropped();
  }

  private static List<IssuedCard> hookCalls(int calls) {
    List<IssuedCard> cards = new ArrayList<>(2 * calls);
    for (int i = 0; i < calls; i++) {
      cards.addAll(HookCall.next());
    }
    return cards;
  }

  /** The two cards the service answers the benchmark request with, as the queue keeps them. */
  private static final class HookCall {
    static final String SYSTEM = "https://ironcds.org/override-reason";
    static final List<Coding> REASONS = List.of(
        Coding.of(SYSTEM, "monitoring-arranged", "Phosphate and calcium monitoring already arranged"),
        Coding.of(SYSTEM, "antiresorptive-not-current", "Antiresorptive stopped or not current"),
        Coding.of(SYSTEM, "labs-checked-elsewhere", "Recent phosphate and calcium checked elsewhere"),
        Coding.of(SYSTEM, "benefit-outweighs-risk", "Benefit outweighs risk; patient informed"));
    static final CdsClient EHR = new CdsClient("https://fhir.epic.example.org/interconnect-fhir-oauth", Optional.of("hospital-a"));
    static final Source COTHERAPY = Source.of("Stokes et al., Double Trouble: IV iron and antiresorptive therapy (case series)",
        URI.create("https://citedrive.com/en/discovery/double-trouble"));
    static final Source ALTERNATIVES = Source.of("PHOSPHARE-IDA: ferric derisomaltose vs ferric carboxymaltose (JAMA 2020)",
        URI.create("https://pmc.ncbi.nlm.nih.gov/articles/PMC7042864/"));

    static List<IssuedCard> next() {
      String hookInstance = uuid().toString();
      Instant now = Instant.now();
      Card risk = new Card(uuid(), "IV iron with denosumab: risk of severe low phosphate and calcium in 2–3 weeks",
          Optional.empty(), Indicator.WARNING, COTHERAPY, List.of(
              suggestion("Order baseline phosphate, calcium and albumin and 25-OH vitamin D before the infusion", true),
              suggestion("Order follow-up phosphate and calcium on 24 Nov 2026, 8 Dec 2026", false)),
          Optional.of(SelectionBehavior.ANY), REASONS, List.of());
      Card switchCard = new Card(uuid(), "Lower-risk IV iron available: switch from ferric carboxymaltose",
          Optional.empty(), Indicator.INFO, ALTERNATIVES, List.of(
              suggestion("Switch to ferric derisomaltose 1000 mg IV", true),
              suggestion("Switch to iron sucrose 200 mg IV", false),
              suggestion("Switch to ferumoxytol 510 mg IV", false)),
          Optional.of(SelectionBehavior.AT_MOST_ONE), REASONS, List.of());
      String service = ServiceDescriptors.ORDER_SIGN_ID;
      return List.of(
          new IssuedCard(service, "AntiresorptiveCoTherapy", hookInstance, EHR, risk, now),
          new IssuedCard(service, "AntiresorptiveCoTherapy", hookInstance, EHR, switchCard, now));
    }

    private static Suggestion suggestion(String label, boolean recommended) {
      return new Suggestion(label, uuid(), recommended, List.of());
    }

    /** Random enough for keys, and cheaper than {@link UUID#randomUUID()}, which would be measured too. */
    private static UUID uuid() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      return new UUID(random.nextLong(), random.nextLong());
    }
  }

  /**
   * CPU time of this JVM and, on PostgreSQL, of the server processes serving this benchmark's
   * connections (found by application name, read from {@code /proc}; Linux only).
   */
  private static final class Cpu {
    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on Linux
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Optional<String> postgresUrl;

    Cpu(Optional<String> postgresUrl) {
      this.postgresUrl = postgresUrl;
    }

    /** CPU so far: the JVM's, the calling thread's, and the server's. */
    record Sample(long jvm, long caller, Optional<Long> server) {}

    Sample sample() {
      return new Sample(os.getProcessCpuTime(), threads.getCurrentThreadCpuTime(), postgresUrl.flatMap(Cpu::serverNanos));
    }

    Optional<Long> serverDelta(Sample before, Sample after) {
      return before.server().flatMap(b -> after.server().map(a -> a - b));
    }

    private static Optional<Long> serverNanos(String url) {
      try (Connection connection = DriverManager.getConnection(url.replace(APPLICATION, "benchmark-probe"),
              PostgresTestDatabase.USER, "");
          PreparedStatement query = connection.prepareStatement(
              "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
        query.setString(1, APPLICATION);
        long ticks = 0;
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            String stat = Files.readString(Path.of("/proc", rows.getString(1), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          }
        }
        return Optional.of((long) (ticks * NANOS_PER_TICK));
      } catch (SQLException | IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}
