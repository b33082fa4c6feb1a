package org.ironcds.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.ironcds.cdshooks.Action;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.FhirJson;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Source;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdsservice.AdvisedCard;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.CallPipeline;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CDS Hooks protocol surface over real HTTP: discovery, hook calls, every 4xx, CORS. */
class HttpFoundationTest {
  private static final Map<String, String> PREFETCH = Map.of("patient", "Patient/{{context.patientId}}");
  private static final AtomicReference<HookRequest> LAST_REQUEST = new AtomicReference<>();
  private static TestServer server;

  /** Answers every call with one card carrying every optional part, to check the wire format. */
  static final CallPipeline ONE_RICH_CARD = (request, now) -> {
    LAST_REQUEST.set(request);
    Suggestion suggestion = Suggestion.of("Order phosphate", true, List.of(
        Action.create("Order serum phosphate", new FhirJson("{\"resourceType\":\"ServiceRequest\",\"status\":\"draft\"}")),
        Action.delete("Remove the draft", "MedicationRequest/draft-iron-1")));
    Card card = new Card(UUID.randomUUID(), "Check phosphate before IV iron", Optional.of("**Why**: evidence"),
        Indicator.WARNING, Source.of("Evidence", URI.create("https://example.org/evidence")),
        List.of(suggestion), Optional.of(SelectionBehavior.ANY),
        List.of(Coding.of("https://example.org/override", "not-relevant", "Not relevant")), List.of());
    // A card with only the required parts: no optional field may appear as null or empty.
    Card bare = new Card(UUID.randomUUID(), "Bare card", Optional.empty(), Indicator.INFO,
        new Source("Label only", Optional.empty(), Optional.empty(), Optional.empty()), List.of(),
        Optional.empty(), List.of(), List.of());
    return List.of(new AdvisedCard("test-rule", card), new AdvisedCard("test-rule", bare));
  };

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.builder(List.of(
            new AdvisoryService(ServiceDescriptors.orderSign(PREFETCH), ONE_RICH_CARD, IssuedCardLog.NONE, Clock.systemUTC()),
            new AdvisoryService(ServiceDescriptors.orderSelect(PREFETCH), ONE_RICH_CARD, IssuedCardLog.NONE,
                Clock.systemUTC())))
        .maxBodyBytes(64 * 1024)
        .start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static io.restassured.specification.RequestSpecification http() {
    return given().port(server.port()).baseUri("http://127.0.0.1");
  }

  private static Response postSign(String body) {
    return http().contentType("application/json").body(body)
        .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID);
  }

  @Test
  void discoveryListsOneServicePerHookWithDistinctIds() {
    http().get("/cds-services").then().statusCode(200)
        .contentType(containsString("application/json"))
        .body("services", hasSize(2))
        .body("services[0].hook", equalTo("order-sign"))
        .body("services[1].hook", equalTo("order-select"))
        .body("services[0].id", not(equalTo(null)))
        .body("services[0].id", not(equalTo("iron-antiresorptive-order-select")))
        .body("services[0].title", containsString("order-sign"))
        .body("services[1].description", containsString("selected"))
        .body("services[0].usageRequirements", containsString("draftOrders"))
        .body("services[0].prefetch.patient", equalTo("Patient/{{context.patientId}}"));
  }

  @Test
  void validOrderSignReturnsCardsWithUuidsAndSelectionBehavior() {
    postSign(HookRequests.orderSign()).then().statusCode(200)
        .body("cards", hasSize(2))
        .body("cards[0].uuid", not(nullValue()))
        .body("cards[0].indicator", equalTo("warning"))
        .body("cards[0].selectionBehavior", equalTo("any"))
        .body("cards[0].suggestions[0].uuid", not(nullValue()))
        .body("cards[0].suggestions[0].isRecommended", equalTo(true))
        .body("cards[0].suggestions[0].actions[0].resource.resourceType", equalTo("ServiceRequest"))
        .body("cards[0].suggestions[0].actions[1].resourceId", equalTo("MedicationRequest/draft-iron-1"))
        .body("cards[0].overrideReasons[0].display", equalTo("Not relevant"));
    assertThat(LAST_REQUEST.get().context().encounterId()).contains("enc-1");
    assertThat(LAST_REQUEST.get().context().selections()).isEmpty();
  }

  @Test
  void noResponseFieldIsNullOrEmptyExceptCards() throws Exception {
    JsonNode body = new ObjectMapper().readTree(postSign(HookRequests.orderSign()).asByteArray());
    assertNoNullOrEmpty(body.get("cards"), "cards");
    assertThat(body.get("cards").get(1).has("detail")).isFalse();
    assertThat(body.get("cards").get(1).has("suggestions")).isFalse();
    assertThat(body.get("cards").get(1).has("selectionBehavior")).isFalse();
    assertThat(body.has("systemActions")).isFalse();
    JsonNode discovery = new ObjectMapper().readTree(http().get("/cds-services").asByteArray());
    assertNoNullOrEmpty(discovery, "discovery");
  }

  static void assertNoNullOrEmpty(JsonNode node, String path) {
    assertThat(node.isNull()).as(path + " is null").isFalse();
    if (node.isTextual()) {
      assertThat(node.textValue()).as(path + " is empty").isNotEmpty();
    }
    if (node.isContainerNode()) {
      assertThat(node.size()).as(path + " is empty").isPositive();
    }
    node.fields().forEachRemaining(f -> assertNoNullOrEmpty(f.getValue(), path + "." + f.getKey()));
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertNoNullOrEmpty(node.get(i), path + "[" + i + "]");
      }
    }
  }

  @Test
  void orderSelectPassesSelectionsThatPointIntoDraftOrders() {
    http().contentType("application/json").body(HookRequests.orderSelect("MedicationRequest/draft-iron-1"))
        .post("/cds-services/" + ServiceDescriptors.ORDER_SELECT_ID).then().statusCode(200);
    assertThat(LAST_REQUEST.get().context().selections()).containsExactly("MedicationRequest/draft-iron-1");
  }

  @Test
  void selectionNotInDraftOrdersIsRejected() {
    http().contentType("application/json").body(HookRequests.orderSelect("MedicationRequest/other"))
        .post("/cds-services/" + ServiceDescriptors.ORDER_SELECT_ID).then().statusCode(400)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].diagnostics", containsString("does not point to an entry in context.draftOrders"))
        .body("issue[0].expression[0]", equalTo("context.selections[0]"));
  }

  @Test
  void orderSelectWithoutSelectionsIsRejected() {
    String body = HookRequests.orderSelect("MedicationRequest/draft-iron-1").replace(
        "\"selections\":[\"MedicationRequest/draft-iron-1\"],", "");
    http().contentType("application/json").body(body)
        .post("/cds-services/" + ServiceDescriptors.ORDER_SELECT_ID).then().statusCode(400)
        .body("issue[0].diagnostics", equalTo("context.selections is required for order-select"));
  }

  @Test
  void wrongHookForTheServiceIdIsRejected() {
    http().contentType("application/json").body(HookRequests.orderSelect("MedicationRequest/draft-iron-1"))
        .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).then().statusCode(400)
        .body("issue[0].diagnostics", equalTo("This service answers the order-sign hook, not order-select"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hook", "hookInstance", "context"})
  void missingRequiredTopLevelFieldIsRejectedByName(String field) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(HookRequests.orderSign());
    body.remove(field);
    postSign(body.toString()).then().statusCode(400)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].severity", equalTo("error"))
        .body("issue[0].diagnostics", equalTo(field + " is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"userId", "patientId", "draftOrders"})
  void missingRequiredContextFieldIsRejectedByName(String field) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(HookRequests.orderSign());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("context")).remove(field);
    postSign(body.toString()).then().statusCode(400)
        .body("issue[0].diagnostics", equalTo("context." + field + " is required"));
  }

  @Test
  void malformedJsonIsRejectedWithoutEchoingTheBody() {
    Response response = postSign("{\"hook\":\"order-sign\", \"patient\": Smith }");
    response.then().statusCode(400).body("issue[0].diagnostics", containsString("not valid JSON"));
    assertThat(response.asString()).doesNotContain("Smith");
  }

  @Test
  void deeplyNestedJsonIsRejected() {
    String nested = "[".repeat(5000) + "]".repeat(5000);
    postSign("{\"hook\":\"order-sign\",\"extension\":" + nested + "}").then().statusCode(400)
        .body("issue[0].diagnostics", containsString("nesting is deeper than"));
  }

  @Test
  void bodyOverTheLimitIsRejectedWith413() {
    String padding = "x".repeat(70 * 1024);
    postSign("{\"hook\":\"order-sign\",\"extension\":{\"pad\":\"" + padding + "\"}}").then().statusCode(413)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].code", equalTo("too-costly"));
  }

  /** Without a Content-Length (chunked), the body is read up to the limit and refused beyond it. */
  @ParameterizedTest
  @ValueSource(ints = {0, 70 * 1024})
  void chunkedBodiesAreReadAndLimited(int padding) throws Exception {
    String body = HookRequests.orderSign().replaceFirst("\\{", "{\"extension\":{\"pad\":\"" + "x".repeat(padding) + "\"},");
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .build();
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(request.headers().firstValue("Content-Length")).isEmpty();
    assertThat(response.statusCode()).isEqualTo(padding == 0 ? 200 : 413);
    assertThat(response.body()).contains(padding == 0 ? "\"cards\"" : "too-costly");
  }

  @Test
  void wrongContentTypeIsRejectedWith415() {
    http().contentType("text/plain").body(HookRequests.orderSign())
        .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).then().statusCode(415)
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void fhirJsonContentTypeWithCharsetIsAccepted() {
    http().contentType("application/fhir+json; charset=UTF-8").body(HookRequests.orderSign())
        .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).then().statusCode(200);
  }

  @Test
  void unknownServiceIdIsRejectedWith404() {
    http().contentType("application/json").body(HookRequests.orderSign()).post("/cds-services/no-such-service")
        .then().statusCode(404).body("issue[0].code", equalTo("not-found"));
  }

  @Test
  void unknownPathIsRejectedWith404() {
    http().get("/cds-services/a/b/c/d").then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void wrongMethodIsRejectedWith405AndAllowHeader() {
    http().get("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).then().statusCode(405)
        .header("Allow", "POST").body("resourceType", equalTo("OperationOutcome"));
    http().delete("/cds-services").then().statusCode(405).header("Allow", "GET");
  }

  @Test
  void fhirAuthorizationWithoutFhirServerIsRejected() {
    String body = HookRequests.orderSign().replace("\"context\":",
        "\"fhirAuthorization\":{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"expires_in\":300,"
            + "\"scope\":\"user/Patient.read\",\"subject\":\"iron-cds\"},\"context\":");
    postSign(body).then().statusCode(400).body("issue[0].expression[0]", equalTo("fhirServer"));
  }

  @Test
  void prefetchValueThatIsNotAResourceIsRejected() {
    String body = HookRequests.orderSign().replace("\"prefetch\":{", "\"prefetch\":{\"labs\":\"oops\",");
    postSign(body).then().statusCode(400).body("issue[0].diagnostics", equalTo("prefetch.labs must be a FHIR resource or null"));
  }

  @Test
  void clientVariationsAreAccepted() {
    String body = """
        {"hook":"order-sign","hookInstance":"5a1c1f0e-1111-4a2b-8c3d-9e8f7a6b5c4d","unknownTopLevel":1,
         "extension":{"com.example.flag":true},
         "context":{"userId":"PractitionerRole/role-7","patientId":"pat-1","futureField":"x",
           "extension":{"com.example.ctx":{"a":1}},
           "draftOrders":{"resourceType":"Bundle","entry":[
             {"resource":{"resourceType":"MedicationRequest","status":"active","intent":"order",
                "medicationCodeableConcept":{"text":"Iron sucrose 200 mg IV"}}},
             {"resource":{"resourceType":"ServiceRequest","id":"sr-1","status":"draft"}},
             {"resource":{"resourceType":"NutritionOrder","status":"draft"}}]}},
         "prefetch":{"patient":null}}""";
    postSign(body).then().statusCode(200).body("cards", not(nullValue()));
  }

  @Test
  void emptyAdviceStillHasACardsArray() throws Exception {
    try (TestServer quiet = TestServer.builder(List.of(new AdvisoryService(ServiceDescriptors.orderSign(PREFETCH),
        (r, n) -> List.of(), IssuedCardLog.NONE, Clock.systemUTC()))).start()) {
      String body = given().port(quiet.port()).baseUri("http://127.0.0.1").contentType("application/json")
          .body(HookRequests.orderSign()).post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID)
          .then().statusCode(200).extract().asString();
      assertThat(body).isEqualTo("{\"cards\":[]}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/cds-services", "/cds-services/iron-antiresorptive-order-sign",
      "/cds-services/iron-antiresorptive-order-sign/feedback"})
  void corsPreflightIsAnsweredWithoutAuthentication(String path) {
    http().header("Origin", "https://sandbox.cds-hooks.org")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options(path).then().statusCode(200)
        .header("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org")
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("Authorization"))
        .header("Access-Control-Allow-Headers", containsString("Content-Type"));
  }

  @Test
  void errorResponsesCarryAllowOrigin() {
    http().header("Origin", "https://sandbox.cds-hooks.org").contentType("application/json").body("{")
        .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).then().statusCode(400)
        .header("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org");
  }

  @Test
  void originsOutsideTheConfiguredListGetNoCorsHeaders() throws Exception {
    try (TestServer strict = TestServer.builder(List.of()).corsOrigins(List.of("https://ehr.example.org")).start()) {
      given().port(strict.port()).baseUri("http://127.0.0.1").header("Origin", "https://evil.example.com")
          .get("/cds-services").then().header("Access-Control-Allow-Origin", nullValue());
      given().port(strict.port()).baseUri("http://127.0.0.1").header("Origin", "https://ehr.example.org")
          .get("/cds-services").then().header("Access-Control-Allow-Origin", "https://ehr.example.org");
    }
  }

  @Test
  void healthAnswersWithoutAuthentication() {
    http().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    http().get("/health/live").then().statusCode(200);
    http().get("/health/ready").then().statusCode(200);
  }
}
