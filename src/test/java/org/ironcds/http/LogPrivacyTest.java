package org.ironcds.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Log lines carry ids, statuses and counts, and never patient data or tokens. */
class LogPrivacyTest {
  private static final String PATIENT_NAME = "Zyxwvuta";
  private static final String ACCESS_TOKEN = "eyJsecret-access-token-4711";

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void capture() {
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void release() {
    root.detachAppender(appender);
  }

  private static String requestWithPhi() {
    return HookRequests.orderSign()
        .replace("\"context\":", "\"fhirServer\":\"https://ehr.example.org/fhir\",\"fhirAuthorization\":{"
            + "\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
            + "\"scope\":\"user/Patient.read\",\"subject\":\"iron-cds\"},\"context\":")
        .replace("{\"resourceType\":\"Patient\",\"id\":\"pat-1\"}",
            "{\"resourceType\":\"Patient\",\"id\":\"pat-1\",\"name\":[{\"family\":\"" + PATIENT_NAME + "\"}]}");
  }

  private String logText() {
    return appender.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()
            + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void requestLogLineHasIdsAndCountsButNoPatientDataOrToken() throws Exception {
    try (TestServer server = TestServer.builder(List.of(new AdvisoryService(
        ServiceDescriptors.orderSign(Map.of()), HttpFoundationTest.ONE_RICH_CARD, IssuedCardLog.NONE,
        Clock.systemUTC()))).start()) {
      given().port(server.port()).baseUri("http://127.0.0.1").contentType("application/json")
          .header("Authorization", "Bearer " + ACCESS_TOKEN).body(requestWithPhi())
          .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).then().statusCode(200);
    }
    String logs = logText();
    assertThat(logs).contains("service=" + ServiceDescriptors.ORDER_SIGN_ID, "status=200", "cards=2",
        "hookInstance=d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "latency_ms=");
    assertThat(logs).doesNotContain(PATIENT_NAME, ACCESS_TOKEN, "pat-1", "prac-1");
  }

  @Test
  void unexpectedFailureIsA500WithoutDetailAndItsMessageIsNotLogged() throws Exception {
    AdvisoryService failing = new AdvisoryService(ServiceDescriptors.orderSign(Map.of()), (request, now) -> {
      throw new IllegalStateException("cannot handle patient " + PATIENT_NAME);
    }, IssuedCardLog.NONE, Clock.systemUTC());
    try (TestServer server = TestServer.builder(List.of(failing)).start()) {
      String body = given().port(server.port()).baseUri("http://127.0.0.1").contentType("application/json")
          .body(requestWithPhi()).post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID)
          .then().statusCode(500).body("resourceType", equalTo("OperationOutcome"))
          .body("issue[0].diagnostics", equalTo("The service failed to process the request"))
          .extract().asString();
      assertThat(body).doesNotContain(PATIENT_NAME, "IllegalStateException", "at org.");
    }
    assertThat(logText()).contains("IllegalStateException").doesNotContain(PATIENT_NAME, ACCESS_TOKEN);
  }
}
