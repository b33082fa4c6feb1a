package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No log line and no error message carries the access token or the patient id, whatever happens. */
class PrefetchLoggingTest {
  private static FakeEhr ehr;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("org.ironcds");
  private final List<String> errorMessages = new ArrayList<>();
  private Level levelBefore;

  @BeforeAll
  static void startEhr() {
    ehr = FakeEhr.builder().resources(TestChart.all()).pageSize(2).start();
  }

  @AfterAll
  static void stopEhr() throws Exception {
    ehr.close();
  }

  @BeforeEach
  void capture() {
    ehr.reset();
    appender.start();
    logger.addAppender(appender);
    // Whatever the logging config says, check the DEBUG lines too.
    levelBefore = logger.getLevel();
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(levelBefore);
  }

  @Test
  void neitherTokenNorPatientIdIsLoggedOnSuccessOrFailure() {
    run(resolver(PrefetchOptions.defaults()), HookRequests.orderSign(ehr.baseUrl()));
    ehr.requireToken("another-token");
    run(resolver(PrefetchOptions.defaults()), HookRequests.orderSign(ehr.baseUrl()));
    ehr.reset();
    ehr.delay(Duration.ofMillis(600));
    run(resolver(PrefetchOptions.defaults().withDeadline(Duration.ofMillis(200))), HookRequests.orderSign(ehr.baseUrl()));
    ehr.reset();
    run(
        resolver(PrefetchOptions.defaults().withAllowedServers(List.of("https://ehr.example.org"))),
        HookRequests.orderSign(ehr.baseUrl()));
    run(resolver(PrefetchOptions.defaults()), HookRequests.orderSign());

    assertThat(appender.list).extracting(ILoggingEvent::getLevel).contains(Level.DEBUG, Level.INFO, Level.WARN);
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.startsWith("fhir_server_refused"));
    for (ILoggingEvent event : appender.list) {
      assertClean(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        assertClean(t.getMessage());
      }
    }
    errorMessages.forEach(PrefetchLoggingTest::assertClean);
  }

  private void run(PrefetchResolver resolver, HookRequests request) {
    Throwable error = catchThrowable(() -> resolver.resolve(request.build()));
    if (error != null) {
      errorMessages.add(String.valueOf(error.getMessage()));
      errorMessages.add(error.toString());
    }
  }

  private static void assertClean(String text) {
    assertThat(String.valueOf(text))
        .doesNotContain(TestChart.ACCESS_TOKEN)
        .doesNotContain(TestChart.PATIENT_ID)
        .doesNotContain("Bearer");
  }

  private static PrefetchResolver resolver(PrefetchOptions options) {
    PrefetchOptions allowed =
        options.allowedServers().isEmpty() ? options.withAllowedServers(List.of(ehr.baseUrl().toString())) : options;
    return new PrefetchResolver(TestChart.templates(), allowed, PrefetchMetrics.NONE);
  }
}
