package org.ironcds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ironcds.config.AppConfig;
import org.ironcds.config.ConfigLoader;
import org.ironcds.knowledge.KnowledgeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root as an operator runs it: built from IRONCDS_* settings, JWT mode on. */
class ApplicationTest {
  private static final String PUBLIC_URL = "https://cds.hospital.test";
  private static final String ISSUER = "https://ehr.hospital.test";

  @TempDir Path dir;

  private Map<String, String> settings(ECKey key) throws Exception {
    Path clients = dir.resolve("trusted-clients.json");
    Files.writeString(clients, "{\"clients\":[{\"iss\":\"" + ISSUER + "\",\"jwks\":"
        + new JWKSet(key.toPublicJWK()).toString() + "}]}");
    Map<String, String> env = new HashMap<>();
    env.put("IRONCDS_PORT", "0");
    env.put("IRONCDS_PUBLIC_URL", PUBLIC_URL);
    env.put("IRONCDS_DATA_DIR", dir.resolve("data").toString());
    env.put("IRONCDS_TRUSTED_CLIENTS_FILE", clients.toString());
    return env;
  }

  private static String token(ECKey key, String audience) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT)
        .keyID(key.getKeyID()).build(), new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
        .jwtID(UUID.randomUUID().toString()).build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void configuredServiceAuthenticatesEhrsAndGivesAdvice() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("ehr-key-1").generate();
    AppConfig config = ConfigLoader.load(settings(key));
    StartupStages stages = new StartupStages();
    try (Application app = Application.build(config, () -> true, stages)) {
      assertThat(stages.toString()).as("with JWTs on, the token checks are warmed up too").contains("warmup_auth:");
      app.start(config.server());
      int port = app.server().port();
      // The start-up warm-up ran the pipeline, but leaves no card in metrics or in the feedback store.
      given().port(port).get("/metrics").then().statusCode(200)
          .body(org.hamcrest.Matchers.not(containsString("ironcds_cards_issued_total")));
      assertThat(app.feedback().summary(org.ironcds.feedback.SummaryQuery.all()).rules()).isEmpty();
      given().port(port).get("/cds-services").then().statusCode(401);
      given().port(port).header("Authorization", "Bearer " + token(key, PUBLIC_URL + "/cds-services"))
          .get("/cds-services").then().statusCode(200)
          .body("services", hasSize(2))
          .body("services[0].prefetch.observations", containsString("http://loinc.org|2777-1"));
      String service = "/cds-services/iron-antiresorptive-order-sign";
      String example = Files.readString(Path.of("fhir-examples/06-fcm-preexisting-hypophosphataemia.json"));
      given().port(port).header("Authorization", "Bearer " + token(key, PUBLIC_URL + service))
          .contentType("application/json").body(example).post(service).then().statusCode(200)
          .body("cards[0].indicator", equalTo("critical"));
      String feedback = "{\"feedback\":[{\"card\":\"9b2f7c1e-3d4a-4b5c-8e6f-7a8b9c0d1e2f\","
          + "\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-21T10:05:00Z\"}]}";
      given().port(port).header("Authorization", "Bearer " + token(key, PUBLIC_URL + service + "/feedback"))
          .contentType("application/json").body(feedback).post(service + "/feedback").then().statusCode(200);
      given().port(port).get("/metrics").then().statusCode(200)
          .body(containsString("ironcds_cards_issued_total{indicator=\"critical\""))
          .body(containsString("ironcds_feedback_items_total{outcome=\"overridden\"} 1.0"))
          .body(containsString("ironcds_prefetch_keys_total{key=\"observations\",outcome=\"supplied\"} 1.0"))
          // one call is far from busy: the warm-up gate is wired in and still holding calls per core
          .body(containsString("ironcds_warmup_gate_open 0.0"));
    }
  }

  @Test
  void portInUseStopsStartupNamingTheSettings() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("ehr-key-1").generate();
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Map<String, String> env = settings(key);
      env.put("IRONCDS_PORT", Integer.toString(taken.getLocalPort()));
      AppConfig config = ConfigLoader.load(env);
      try (Application app = Application.build(config, () -> true)) {
        assertThatThrownBy(() -> app.start(config.server())).isInstanceOf(StartupException.class)
            .hasMessageStartingWith("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (IRONCDS_BIND, IRONCDS_PORT)");
      }
    }
  }

  @Test
  void unreachableDatabaseStopsStartupNamingTheSetting() throws Exception {
    Map<String, String> env = settings(new ECKeyGenerator(Curve.P_384).keyID("k").generate());
    env.put("IRONCDS_DB_URL", "jdbc:postgresql://127.0.0.1:1/nothing");
    AppConfig config = ConfigLoader.load(env);
    assertThatThrownBy(() -> Application.build(config, () -> true)).isInstanceOf(StartupException.class)
        .hasMessageStartingWith("Cannot open the feedback database (IRONCDS_DB_URL)");
  }

  @Test
  void unreadableTrustedClientsStopStartupNamingTheSetting() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("ehr-key-1").generate();
    Map<String, String> env = settings(key);
    Files.writeString(Path.of(env.get("IRONCDS_TRUSTED_CLIENTS_FILE")), "{\"clients\":[{\"iss\":\"x\"}]}");
    AppConfig config = ConfigLoader.load(env);
    assertThatThrownBy(() -> Application.build(config, () -> true))
        .isInstanceOf(StartupException.class).hasMessageStartingWith("IRONCDS_TRUSTED_CLIENTS_FILE: ");
  }

  @Test
  void invalidKnowledgeOverrideStopsStartupNamingTheFile() throws Exception {
    Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
    Files.writeString(knowledge.resolve("settings.json"), "{\"effectWindows\": 12");
    Map<String, String> env = settings(new ECKeyGenerator(Curve.P_384).keyID("k").generate());
    env.put("IRONCDS_KNOWLEDGE_DIR", knowledge.toString());
    AppConfig config = ConfigLoader.load(env);
    assertThatThrownBy(() -> Application.build(config, () -> true))
        .isInstanceOf(KnowledgeException.class).hasMessageContaining("settings.json");
    assertThat(Files.exists(dir.resolve("data"))).as("nothing opened before knowledge was checked").isFalse();
  }
}
