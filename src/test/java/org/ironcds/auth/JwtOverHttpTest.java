package org.ironcds.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.http.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real HTTP server with {@link JwtAuthenticator} in front: 200 and 401 over the wire. */
class JwtOverHttpTest {
  private static final String DISCOVERY_URL = TestServer.PUBLIC_BASE + "/cds-services";
  private static final String SIGN_PATH = "/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID;
  private static final String SIGN_URL = TestServer.PUBLIC_BASE + SIGN_PATH;
  private static final List<String> REASONS = List.of("missing_token", "malformed",
      "alg_not_allowed", "bad_typ", "unknown_issuer", "jku_not_allowed", "unknown_kid",
      "bad_signature", "wrong_audience", "expired", "not_yet_valid", "lifetime_too_long",
      "replayed", "wrong_tenant", "internal_error");

  static final String ORDER_SIGN = """
      {"hook":"order-sign","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
       "context":{"userId":"Practitioner/prac-1","patientId":"pat-1",
         "draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":{
           "resourceType":"MedicationRequest","id":"draft-1","status":"draft","intent":"order",
           "subject":{"reference":"Patient/pat-1"}}}]}}}""";

  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = startServer(authenticator(CLOCK));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static JwtAuthenticator authenticator(Clock clock) {
    TrustedClient ehr = TrustedClient.of(Tokens.ISSUER,
        new JwksSource.Inline(TestKeys.publicSet(TestKeys.EC, TestKeys.RSA)));
    return new JwtAuthenticator(AuthOptions.defaults(TrustedClients.of(List.of(ehr))), clock);
  }

  static TestServer startServer(ClientAuthenticator authenticator) throws Exception {
    return TestServer.builder(List.of(new AdvisoryService(ServiceDescriptors.orderSign(Map.of()),
            (request, now) -> List.of(), IssuedCardLog.NONE, Clock.systemUTC())))
        .authenticator(authenticator)
        .start();
  }

  @Test
  void validEs384TokenGetsAdviceOnAServiceCall() {
    postSign(Tokens.es384(TestKeys.EC, CLOCK.instant()).audience(SIGN_URL).sign())
        .then().statusCode(200).body("cards.size()", equalTo(0));
  }

  @Test
  void validRs384TokenGetsDiscovery() {
    http().header("Authorization", "Bearer " + rs384().audience(DISCOVERY_URL).sign())
        .get("/cds-services").then().statusCode(200);
  }

  @Test
  void audienceAsArrayIsAccepted() {
    postSign(rs384().audience(List.of(SIGN_URL)).sign()).then().statusCode(200);
  }

  @Test
  void missingAuthorizationHeaderGets401() {
    Response response = http().contentType("application/json").body(ORDER_SIGN).post(SIGN_PATH);

    assertUnauthorizedWithoutDetail(response);
  }

  @Test
  void tokenForDiscoveryUrlIsRejectedOnServiceCall() {
    assertUnauthorizedWithoutDetail(postSign(es384().audience(DISCOVERY_URL).sign()));
  }

  @Test
  void serviceUrlWithTrailingSlashIsRejected() {
    assertUnauthorizedWithoutDetail(postSign(es384().audience(SIGN_URL + "/").sign()));
  }

  @Test
  void tokenAddressedToTheLocalUrlRatherThanThePublicOneIsRejected() {
    String local = server.url() + SIGN_PATH;

    assertUnauthorizedWithoutDetail(postSign(es384().audience(local).sign()));
  }

  @Test
  void expiredTokenGets401() {
    String token = es384().audience(SIGN_URL)
        .lifetime(CLOCK.instant().minus(Duration.ofMinutes(10)), Duration.ofMinutes(5)).sign();

    assertUnauthorizedWithoutDetail(postSign(token));
  }

  @Test
  void replayedTokenGets401() {
    String token = es384().audience(SIGN_URL).sign();
    postSign(token).then().statusCode(200);

    assertUnauthorizedWithoutDetail(postSign(token));
  }

  @Test
  void algNoneGets401() {
    assertUnauthorizedWithoutDetail(postSign(es384().audience(SIGN_URL).unsecured()));
  }

  @Test
  void invalidTokenIsRefusedBeforeTheBodyIsRead() {
    Response response = http().header("Authorization", "Bearer " + es384().audience(DISCOVERY_URL)
            .sign())
        .contentType("application/json").body("{not json").post(SIGN_PATH);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/cds-services", SIGN_PATH, SIGN_PATH + "/feedback"})
  void corsPreflightPassesWithoutAToken(String path) {
    int status = http().header("Origin", "https://sandbox.cds-hooks.org")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options(path).then()
        .header("Access-Control-Allow-Headers", containsString("Authorization"))
        .extract().statusCode();

    assertThat(status).isBetween(200, 299);
  }

  @Test
  void unauthorizedResponseCarriesAllowOriginForBrowsers() {
    http().header("Origin", "https://sandbox.cds-hooks.org").get("/cds-services")
        .then().statusCode(401)
        .header("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org");
  }

  @Test
  void healthNeedsNoToken() {
    http().get("/health").then().statusCode(200);
  }

  private static void assertUnauthorizedWithoutDetail(Response response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    String body = response.asString();
    assertThat(REASONS).noneMatch(body::contains);
    assertThat(body).doesNotContainIgnoringCase("aud").doesNotContainIgnoringCase("jti")
        .doesNotContainIgnoringCase("signature").doesNotContain("eyJ");
  }

  private static Response postSign(String token) {
    return http().header("Authorization", "Bearer " + token)
        .contentType("application/json").body(ORDER_SIGN).post(SIGN_PATH);
  }

  private static RequestSpecification http() {
    return given().port(server.port()).baseUri("http://127.0.0.1");
  }

  private static Tokens es384() {
    return Tokens.es384(TestKeys.EC, CLOCK.instant());
  }

  private static Tokens rs384() {
    return Tokens.rs384(TestKeys.RSA, CLOCK.instant());
  }
}
