package org.ironcds.auth;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.feedback.AdminCredential;
import org.ironcds.feedback.FeedbackStore;
import org.ironcds.feedback.StorageOptions;
import org.ironcds.http.FeedbackEndpoints;
import org.ironcds.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback posts need a token addressed to the feedback URL itself, not to the service URL. */
class FeedbackJwtOverHttpTest {
  private static final String FEEDBACK_PATH = "/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID + "/feedback";
  private static final String FEEDBACK = """
      {"feedback":[{"card":"9b2f7c1e-3d4a-4b5c-8e6f-7a8b9c0d1e2f","outcome":"overridden",
        "overrideReason":{"reason":{"system":"http://ironcds.org/override","code":"monitoring-arranged"}},
        "outcomeTimestamp":"2026-11-21T10:05:00Z"}]}""";

  @Test
  void feedbackTokenMustBeAddressedToTheFeedbackUrl(@TempDir Path data) throws Exception {
    Instant now = Instant.now();
    ServiceCatalog catalog = new ServiceCatalog(List.of(new AdvisoryService(ServiceDescriptors.orderSign(Map.of()),
        (request, at) -> List.of(), IssuedCardLog.NONE, Clock.systemUTC())));
    try (FeedbackStore store = FeedbackStore.open(StorageOptions.defaults().withDataDir(data))) {
      TestServer.Builder builder = TestServer.builder(catalog.services())
          .authenticator(JwtOverHttpTest.authenticator(Clock.systemUTC()));
      FeedbackEndpoints.of(catalog, store, AdminCredential.of(Optional.empty())).forEach(builder::endpoint);
      try (TestServer server = builder.start()) {
        String serviceUrl = TestServer.PUBLIC_BASE + "/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID;
        post(server, Tokens.es384(TestKeys.EC, now).audience(serviceUrl + "/feedback").sign()).then().statusCode(200);
        post(server, Tokens.es384(TestKeys.EC, now).audience(serviceUrl).sign()).then().statusCode(401);
        post(server, null).then().statusCode(401);
      }
    }
  }

  private static io.restassured.response.Response post(TestServer server, String token) {
    var request = given().port(server.port()).contentType("application/json").body(FEEDBACK);
    if (token != null) {
      request = request.header("Authorization", "Bearer " + token);
    }
    return request.post(FEEDBACK_PATH);
  }
}
