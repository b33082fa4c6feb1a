package org.ironcds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ironcds.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Start-up as {@code serve} and {@code self-test} run it: stages, readiness, warm-up, failures. */
class StartupTest {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger requests = (Logger) LoggerFactory.getLogger("org.ironcds.request");
  private Level requestLevel;

  /** Declared at zero at start-up (so that rate() sees the first call); no warm-up call counts. */
  private static final String NO_SIGN_CALLS_YET = "ironcds_http_requests_seconds_count{route=\"/cds-services/{id}\","
      + "service=\"iron-antiresorptive-order-sign\",status=\"200\"} 0\n";

  @TempDir Path dir;

  @BeforeEach
  void capture() {
    log.start();
    root.addAppender(log);
    requestLevel = requests.getLevel();
    requests.setLevel(Level.DEBUG); // so that warm-up lines, which are DEBUG, are seen too
  }

  @AfterEach
  void release() {
    root.detachAppender(log);
    requests.setLevel(requestLevel);
  }

  private Map<String, String> settings() {
    return Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_PORT", "0", "IRONCDS_DATA_DIR", dir.resolve("data").toString(),
        "IRONCDS_IDLE_WARMUP_MS", "0");
  }

  @Test
  void readyComesAfterKnowledgeDatabaseAndWarmUpAndNamesTheirTimes() throws Exception {
    AtomicBoolean ready = new AtomicBoolean();
    try (Application app = Main.start(ConfigLoader.load(settings()), ready)) {
      assertThat(ready).isTrue();
      String line = messages().stream().filter(m -> m.startsWith("event=ready")).findFirst().orElseThrow();
      assertThat(line).containsPattern("startup_ms=\\d+ launch_ms=\\d+ stages=");
      for (String stage : List.of("metrics", "fhir_client", "knowledge", "database", "warmup", "warmup_http", "http",
          "start")) {
        assertThat(line).containsPattern("[=,]" + stage + ":\\d+");
      }
      assertThat(line).as("no token checks to warm up with authentication off").doesNotContain("warmup_auth");
      given().port(app.server().port()).get("/health/ready").then().statusCode(200);
    }
  }

  @Test
  void warmUpCallsAreNeitherTrafficNorIssuedCardsNorMetrics() throws Exception {
    try (Application app = Main.start(ConfigLoader.load(settings()), new AtomicBoolean())) {
      List<ILoggingEvent> requestLines = log.list.stream()
          .filter(e -> e.getLoggerName().equals("org.ironcds.request")).toList();
      assertThat(requestLines).as("the HTTP warm-up ran").isNotEmpty();
      assertThat(requestLines).allSatisfy(e -> {
        assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(e.getFormattedMessage()).endsWith(" warm_up=true");
      });
      assertThat(requestLines).anySatisfy(e -> assertThat(e.getFormattedMessage())
          .contains("route=/cds-services/{id} status=200").contains("cards=2"));
      assertThat(requestLines).as("every bundled example, order-select too").anySatisfy(e ->
          assertThat(e.getFormattedMessage()).contains("status=200 ").contains("service=iron-antiresorptive-order-select"));
      given().port(app.server().port()).get("/metrics").then().statusCode(200)
          .body(not(containsString("ironcds_cards_issued_total")))
          .body(containsString(NO_SIGN_CALLS_YET))
          .body(containsString("ironcds_prefetch_keys_total{key=\"observations\",outcome=\"failed\"} 0.0\n"));
      assertThat(app.feedback().summary(org.ironcds.feedback.SummaryQuery.all()).rules()).isEmpty();
    }
  }

  @Test
  void warmUpBudgetKeepsTheServiceWarmingBeforeReady() throws Exception {
    Map<String, String> settings = new HashMap<>(settings());
    settings.put("IRONCDS_WARMUP_MS", "1500");
    try (Application app = Main.start(ConfigLoader.load(settings), new AtomicBoolean())) {
      String line = messages().stream().filter(m -> m.startsWith("event=ready")).findFirst().orElseThrow();
      Matcher warmUp = Pattern.compile("[=,]warmup_http:(\\d+)").matcher(line);
      assertThat(warmUp.find()).isTrue();
      assertThat(Long.parseLong(warmUp.group(1))).isGreaterThanOrEqualTo(1500);
    }
  }

  @Test
  void idleWarmUpRunsAfterReadyAndIsNotTraffic() throws Exception {
    Map<String, String> settings = new HashMap<>(settings());
    settings.put("IRONCDS_IDLE_WARMUP_MS", "1500");
    AtomicBoolean ready = new AtomicBoolean();
    try (Application app = Main.start(ConfigLoader.load(settings), ready)) {
      assertThat(ready).isTrue();
      String done = awaitMessage("event=idle_warm_up_done", 10_000);
      assertThat(done).matches("event=idle_warm_up_done reason=(budget|jit_settled) calls=[1-9]\\d* seconds=\\d+");
      given().port(app.server().port()).get("/metrics").then().statusCode(200)
          .body(not(containsString("ironcds_cards_issued_total")))
          .body(containsString(NO_SIGN_CALLS_YET));
      assertThat(app.feedback().summary(org.ironcds.feedback.SummaryQuery.all()).rules()).isEmpty();
    }
  }

  private String awaitMessage(String prefix, long timeoutMillis) throws InterruptedException {
    long until = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < until) {
      Optional<String> found = messages().stream().filter(m -> m.startsWith(prefix)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no log line starting " + prefix);
  }

  @Test
  void selfTestStartsAnswersEveryEndpointAndStops() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(SelfTest.run(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("self-test: started, answered every endpoint, stopped"
        + System.lineSeparator());
    assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("event=ready"));
  }

  @Test
  void startupFailureIsOneLineAndExitCodeTwo() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "org.ironcds.Main", "serve");
    builder.environment().keySet().removeIf(key -> key.startsWith("IRONCDS_"));
    builder.environment().putAll(settings());
    builder.environment().put("IRONCDS_DB_URL", "jdbc:postgresql://127.0.0.1:1/nothing");
    builder.redirectError(ProcessBuilder.Redirect.PIPE);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(errors.lines().toList()).singleElement().asString()
        .startsWith("Cannot open the feedback database (IRONCDS_DB_URL): ");
  }

  /** The database fails only after the warm-up server has started and served the warm-up. */
  @Test
  void aFailedStartLeavesNoWarmUpServerRunning() throws Exception {
    Map<String, String> settings = new java.util.HashMap<>(settings());
    settings.put("IRONCDS_DB_URL", "jdbc:h2:" + dir.resolve("locked") + ";FILE_LOCK=FS;IFEXISTS=TRUE");
    long before = serverThreads();

    assertThatThrownBy(() -> Main.start(ConfigLoader.load(settings), new AtomicBoolean()))
        .isInstanceOf(StartupException.class).hasMessageStartingWith("Cannot open the feedback database");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (serverThreads() > before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(serverThreads()).isEqualTo(before);
    assertThat(messages()).anyMatch(m -> m.startsWith("event=warm_up") || m.contains("warm_up=true"));
  }

  /** Jetty's request threads, named after the pool ("http"), of any server in this JVM. */
  private static long serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith("http-")).count();
  }

  private List<String> messages() {
    synchronized (log) { // the appender adds under its own lock, from background threads too
      return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
