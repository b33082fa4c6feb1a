package org.ironcds.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.junit.jupiter.api.Test;

/** Stopping the server lets a clinician's in-flight call finish instead of cutting it off. */
class GracefulShutdownTest {
  @Test
  void inFlightCallCompletesWhileTheServerStops() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    AdvisoryService slow = new AdvisoryService(ServiceDescriptors.orderSign(Map.of()), (request, now) -> {
      inFlight.countDown();
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }, IssuedCardLog.NONE, Clock.systemUTC());
    TestServer server = TestServer.builder(List.of(slow)).start();
    int port = server.port();

    CompletableFuture<Integer> call = CompletableFuture.supplyAsync(() -> given().port(port)
        .contentType("application/json").body(HookRequests.orderSign())
        .post("/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID).statusCode());
    assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
    server.close();

    assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(200);
  }
}
