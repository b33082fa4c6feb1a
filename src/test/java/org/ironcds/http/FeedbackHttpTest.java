package org.ironcds.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Source;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdsservice.AdvisedCard;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.CallPipeline;
import org.ironcds.cdsservice.CdsService;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.feedback.AdminCredential;
import org.ironcds.feedback.FeedbackStore;
import org.ironcds.feedback.StorageOptions;
import org.ironcds.feedback.SummaryQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Feedback posts and the admin summary over real HTTP, on the embedded database. */
class FeedbackHttpTest {
  static final String TOKEN = "admin-token-for-tests-0123456789";
  static final String SIGN = ServiceDescriptors.ORDER_SIGN_ID;
  static final String NOW = "2026-11-21T15:20:50.52Z";

  @TempDir static Path dataDir;
  private static FeedbackStore store;
  private static TestServer server;

  /** Issues one card per call from rule "phosphate-check", with one suggestion and one override reason. */
  static final CallPipeline ONE_CARD = (request, now) -> List.of(new AdvisedCard("phosphate-check", new Card(
      UUID.randomUUID(), "Check phosphate before IV iron", Optional.empty(), Indicator.WARNING,
      Source.of("Evidence", URI.create("https://example.org/evidence")),
      List.of(Suggestion.of("Order phosphate", true, List.of())), Optional.of(SelectionBehavior.ANY),
      List.of(Coding.of("https://example.org/override", "not-relevant", "Not relevant")), List.of())));

  @BeforeAll
  static void start() throws Exception {
    store = FeedbackStore.open(StorageOptions.defaults().withDataDir(dataDir));
    server = start(store, AdminCredential.of(Optional.of(TOKEN)));
  }

  static TestServer start(FeedbackStore store, AdminCredential admin) throws Exception {
    List<CdsService> services = List.of(
        new AdvisoryService(ServiceDescriptors.orderSign(Map.of()), ONE_CARD, store, Clock.systemUTC()),
        new AdvisoryService(ServiceDescriptors.orderSelect(Map.of()), ONE_CARD, store, Clock.systemUTC()));
    TestServer.Builder builder = TestServer.builder(services);
    FeedbackEndpoints.of(new ServiceCatalog(services), store, admin).forEach(builder::endpoint);
    return builder.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    store.close();
  }

  static RequestSpecification http(TestServer target) {
    return given().port(target.port()).baseUri("http://127.0.0.1");
  }

  static Response postFeedback(TestServer target, String service, String body) {
    return http(target).contentType("application/json").body(body).post("/cds-services/" + service + "/feedback");
  }

  /** Calls the order-sign service and returns the issued card's uuid and its suggestion's uuid. */
  static String[] issueCard() {
    Response response = http(server).contentType("application/json").body(HookRequests.orderSign())
        .post("/cds-services/" + SIGN);
    response.then().statusCode(200);
    return new String[] {response.path("cards[0].uuid"), response.path("cards[0].suggestions[0].uuid")};
  }

  static String accepted(String card, String suggestion) {
    return """
        {"feedback":[{"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"%s"}],"outcomeTimestamp":"%s"}]}"""
        .formatted(card, suggestion, NOW);
  }

  static Response summary(String authorization, String query) {
    RequestSpecification request = http(server);
    if (!authorization.isEmpty()) {
      request = request.header("Authorization", authorization);
    }
    return request.get("/admin/feedback/summary" + query);
  }

  @Test
  void feedbackOnAnIssuedCardIsStoredAndAttributedToItsRule() {
    String[] card = issueCard();
    int issued = adminFigure("issued");
    int accepted = adminFigure("accepted");
    int suggestionAccepted = adminFigure("suggestions.find { it.label == 'Order phosphate' }.accepted");

    postFeedback(server, SIGN, accepted(card[0], card[1])).then().statusCode(200).body(equalTo("{}"));

    assertThat(adminFigure("issued")).isEqualTo(issued);
    assertThat(adminFigure("accepted")).isEqualTo(accepted + 1);
    assertThat(
        adminFigure("suggestions.find { it.label == 'Order phosphate' }.accepted")).isEqualTo(suggestionAccepted + 1);
  }

  /** A figure of rule phosphate-check of the order-sign service, read through the admin endpoint. */
  private static int adminFigure(String path) {
    Response response = summary("Bearer " + TOKEN, "?service=" + SIGN);
    response.then().statusCode(200).contentType(containsString("application/json")).body("query.service", equalTo(SIGN));
    Integer value = response.path("rules.find { it.rule == 'phosphate-check' }." + path);
    return value == null ? 0 : value;
  }

  /** Cards accepted so far, read through the store. */
  private static long summaryAccepted() {
    return store.summary(SummaryQuery.all()).rules().stream()
        .filter(r -> r.serviceId().equals(SIGN)).mapToLong(r -> r.accepted()).sum();
  }

  @Test
  void repeatingFeedbackAnswers200AndStoresItOnce() {
    String[] card = issueCard();
    String body = accepted(card[0], card[1]);
    long before = summaryAccepted();

    postFeedback(server, SIGN, body).then().statusCode(200);
    postFeedback(server, SIGN, body).then().statusCode(200);

    assertThat(summaryAccepted()).isEqualTo(before + 1);
  }

  @Test
  void anOverrideWithReasonAndCommentIsAccepted() {
    String[] card = issueCard();
    String body = """
        {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"%s",
          "overrideReason":{"reason":{"code":"not-relevant","system":"https://example.org/override"},
                            "userComment":"spoke with the patient"}}]}""".formatted(card[0], NOW);

    postFeedback(server, SIGN, body).then().statusCode(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed JSON        | {"feedback":[                                                      | body
      not an object         | []                                                                 | body
      feedback missing      | {}                                                                 | feedback
      card missing          | {"feedback":[{"outcome":"overridden","outcomeTimestamp":"2026-11-21T15:20:50Z"}]} | feedback[0].card
      card not a uuid       | {"feedback":[{"card":"c1","outcome":"overridden","outcomeTimestamp":"2026-11-21T15:20:50Z"}]} | feedback[0].card
      outcome unknown       | {"feedback":[{"card":"0f1b1b6e-5c3e-4a53-8a0c-2d3f1f5c9a11","outcome":"ignored","outcomeTimestamp":"2026-11-21T15:20:50Z"}]} | feedback[0].outcome
      accepted without ids  | {"feedback":[{"card":"0f1b1b6e-5c3e-4a53-8a0c-2d3f1f5c9a11","outcome":"accepted","outcomeTimestamp":"2026-11-21T15:20:50Z"}]} | feedback[0].acceptedSuggestions
      suggestion id invalid | {"feedback":[{"card":"0f1b1b6e-5c3e-4a53-8a0c-2d3f1f5c9a11","outcome":"accepted","acceptedSuggestions":[{"id":"x"}],"outcomeTimestamp":"2026-11-21T15:20:50Z"}]} | feedback[0].acceptedSuggestions[0].id
      reason without code   | {"feedback":[{"card":"0f1b1b6e-5c3e-4a53-8a0c-2d3f1f5c9a11","outcome":"overridden","overrideReason":{"reason":{"system":"s"}},"outcomeTimestamp":"2026-11-21T15:20:50Z"}]} | feedback[0].overrideReason.reason.code
      timestamp missing     | {"feedback":[{"card":"0f1b1b6e-5c3e-4a53-8a0c-2d3f1f5c9a11","outcome":"overridden"}]} | feedback[0].outcomeTimestamp
      timestamp no offset   | {"feedback":[{"card":"0f1b1b6e-5c3e-4a53-8a0c-2d3f1f5c9a11","outcome":"overridden","outcomeTimestamp":"2026-11-21T15:20:50"}]} | feedback[0].outcomeTimestamp
      """)
  void invalidFeedbackGets400WithAnOperationOutcomeNamingTheField(String name, String body, String location) {
    postFeedback(server, SIGN, body).then().statusCode(400)
        .contentType(containsString("application/fhir+json"))
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].code", equalTo("invalid"))
        .body("issue[0].expression", equalTo(List.of(location)));
  }

  @Test
  void feedbackForAnUnknownServiceGets404() {
    postFeedback(server, "no-such-service", accepted(UUID.randomUUID().toString(), UUID.randomUUID().toString()))
        .then().statusCode(404).body("issue[0].code", equalTo("not-found"));
  }

  @Test
  void feedbackThatIsNotJsonGets415() {
    http(server).contentType("text/plain").body("{}").post("/cds-services/" + SIGN + "/feedback")
        .then().statusCode(415);
  }

  @Test
  void theSummaryNeedsTheAdminToken() {
    summary("", "").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
        .body("issue[0].code", equalTo("login"));
    summary("Bearer wrong-token-wrong-token", "").then().statusCode(401);
    summary("Bearer " + TOKEN, "").then().statusCode(200).body("unattributed", hasSize(0));
  }

  @Test
  void anEhrJwtDoesNotOpenTheSummary() {
    summary("Bearer eyJhbGciOiJFUzM4NCJ9.e30.sig", "").then().statusCode(401);
  }

  @Test
  void aBadSummaryBoundGets400() {
    summary("Bearer " + TOKEN, "?since=yesterday").then().statusCode(400)
        .body("issue[0].diagnostics", equalTo(
            "since must be a date (2026-11-01) or a date-time with offset (2026-11-01T00:00:00Z)"));
  }

  @Test
  void withoutAnAdminTokenTheSummaryDoesNotExistAndAStoreFailureGets503() throws Exception {
    FeedbackStore closed = FeedbackStore.open(StorageOptions.defaults().withDataDir(dataDir.resolve("closed")));
    closed.close();
    try (TestServer other = start(closed, AdminCredential.disabled())) {
      http(other).header("Authorization", "Bearer " + TOKEN).get("/admin/feedback/summary").then().statusCode(404);
      postFeedback(other, SIGN, accepted(UUID.randomUUID().toString(), UUID.randomUUID().toString()))
          .then().statusCode(503).header("Retry-After", "30").body("issue[0].code", equalTo("transient"));
    }
  }
}
