package org.ironcds.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.metrics.MicrometerMetrics;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  @Test
  void loopbackMetricsAreOpenAndCountRequestsByServiceAndStatus() throws Exception {
    MicrometerMetrics metrics = new MicrometerMetrics();
    AdvisoryService service = new AdvisoryService(ServiceDescriptors.orderSign(Map.of()),
        HttpFoundationTest.ONE_RICH_CARD, IssuedCardLog.NONE, Clock.systemUTC());
    try (TestServer server = TestServer.builder(List.of(service)).metrics(metrics)
        .endpoint(new MetricsEndpoint(metrics::scrape, true, Optional.empty())).start()) {
      given().port(server.port()).contentType("application/json").body(HookRequests.orderSign())
          .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).then().statusCode(200);
      given().port(server.port()).get("/metrics").then().statusCode(200)
          .contentType(containsString("text/plain"))
          .body(containsString("ironcds_http_requests_seconds_count{route=\"/cds-services/{id}\","
              + "service=\"iron-antiresorptive-order-sign\",status=\"200\"} 1"))
          .body(containsString("jvm_memory_used_bytes"));
    }
  }

  @Test
  void metricsOffLoopbackNeedTheToken() throws Exception {
    MicrometerMetrics metrics = new MicrometerMetrics();
    try (TestServer server = TestServer.builder(List.of())
        .endpoint(new MetricsEndpoint(metrics::scrape, false, Optional.of("scrape-secret"))).start()) {
      given().port(server.port()).get("/metrics").then().statusCode(401);
      given().port(server.port()).header("Authorization", "Bearer wrong").get("/metrics").then().statusCode(401);
      given().port(server.port()).header("Authorization", "Bearer scrape-secret").get("/metrics").then().statusCode(200);
    }
    try (TestServer closed = TestServer.builder(List.of())
        .endpoint(new MetricsEndpoint(metrics::scrape, false, Optional.empty())).start()) {
      given().port(closed.port()).get("/metrics").then().statusCode(404);
    }
  }
}
