package org.ironcds.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ironcds.feedback.AdminCredential;
import org.ironcds.feedback.FeedbackStore;
import org.ironcds.feedback.StorageOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Neither the feedback store nor the logs keep patient or practitioner identifiers, resources or
 * comment text, from a hook call through feedback on its card.
 */
class FeedbackPrivacyTest {
  private static final String PATIENT_NAME = "Zyxwvuta";
  private static final String COMMENT = "Discussed with Mrs Zyxwvuta, MRN 99887766";

  @TempDir Path dataDir;

  @Test
  void neitherTheDatabaseNorTheLogsHoldPatientDataOrCommentText() throws Exception {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.start();
    root.addAppender(appender);
    String dump;
    String card;
    try (FeedbackStore store = FeedbackStore.open(StorageOptions.defaults().withDataDir(dataDir));
        TestServer server = FeedbackHttpTest.start(store, AdminCredential.of(Optional.of(FeedbackHttpTest.TOKEN)))) {
      String hook = HookRequests.orderSign().replace("{\"resourceType\":\"Patient\",\"id\":\"pat-1\"}",
          "{\"resourceType\":\"Patient\",\"id\":\"pat-1\",\"name\":[{\"family\":\"" + PATIENT_NAME + "\"}]}");
      Response issued = given().port(server.port()).baseUri("http://127.0.0.1").contentType("application/json")
          .body(hook).post("/cds-services/" + FeedbackHttpTest.SIGN);
      issued.then().statusCode(200);
      card = issued.path("cards[0].uuid");
      String feedback = """
          {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"2026-11-21T15:20:50Z",
            "overrideReason":{"reason":{"code":"not-relevant","system":"https://example.org/override"},
                              "userComment":"%s"}}]}""".formatted(card, COMMENT);
      FeedbackHttpTest.postFeedback(server, FeedbackHttpTest.SIGN, feedback).then().statusCode(200);
      dump = dump(store.options());
    } finally {
      root.detachAppender(appender);
    }
    String logs = appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));

    assertThat(dump).contains(card, "phosphate-check", "not-relevant");
    assertThat(dump).doesNotContain(PATIENT_NAME, "pat-1", "prac-1", "enc-1", "99887766", "Discussed",
        "draft-iron-1", "Check phosphate before IV iron");
    assertThat(logs).doesNotContain(PATIENT_NAME, "pat-1", "prac-1", "99887766", "Discussed");
  }

  /** Everything in the embedded database, as H2's SQL script of it. */
  private static String dump(StorageOptions options) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection connection = DriverManager.getConnection(options.effectiveJdbcUrl(), "sa", "");
        ResultSet rows = connection.createStatement().executeQuery("SCRIPT")) {
      while (rows.next()) {
        text.append(rows.getString(1)).append('\n');
      }
    }
    return text.toString();
  }
}
