package org.ironcds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.ironcds.cdsservice.IssuedCard;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.WarmUpGate;
import org.ironcds.config.AppConfig;
import org.ironcds.examples.FhirExamples;
import org.ironcds.examples.FhirExamples.Example;
import org.ironcds.examples.FhirExamples.ExpectedCard;
import org.ironcds.fhir.Fhir;
import org.ironcds.http.TestServer;
import org.ironcds.metrics.Metrics;
import org.ironcds.prefetch.FakeEhr;
import org.ironcds.prefetch.PrefetchMetrics;
import org.ironcds.prefetch.PrefetchOptions;
import org.ironcds.prefetch.PrefetchResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in {@code fhir-examples/} through the real HTTP endpoint, with the real knowledge,
 * prefetch and card writing, at the signing moment the expected outcomes hold for. Then the same
 * example again with no prefetch at all: the service fetches the history from an in-process FHIR
 * server and must reach the same cards.
 */
class ExamplesEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Application.Clinical CLINICAL =
      Application.Clinical.load(new AppConfig.Knowledge(Optional.empty()));

  private static final List<IssuedCard> issued = new CopyOnWriteArrayList<>();
  private static TestServer prefetchOnly;

  @BeforeAll
  static void start() throws Exception {
    prefetchOnly = server(PrefetchOptions.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    prefetchOnly.close();
  }

  static List<Example> examples() {
    return FhirExamples.all();
  }

  private static TestServer server(PrefetchOptions options) throws Exception {
    PrefetchResolver resolver = new PrefetchResolver(CLINICAL.templates(), options, PrefetchMetrics.NONE);
    IssuedCardLog log = issued::addAll;
    Clock clock = Clock.fixed(FhirExamples.signedAt(), ZoneOffset.UTC);
    return TestServer.builder(CLINICAL.catalog(resolver, log, Metrics.NONE, clock, WarmUpGate.alwaysOpen()).services()).start();
  }

  private static List<ExpectedCard> post(TestServer server, Example example, String body) throws Exception {
    issued.clear();
    JsonNode response = JSON.readTree(given().port(server.port()).contentType("application/json").body(body)
        .post("/cds-services/" + example.service()).then().statusCode(200).extract().asByteArray());
    List<ExpectedCard> cards = new ArrayList<>();
    for (int i = 0; i < response.path("cards").size(); i++) {
      JsonNode card = response.path("cards").get(i);
      String uuid = card.path("uuid").asText();
      String ruleId = issued.stream().filter(c -> c.card().uuid().toString().equals(uuid)).findFirst()
          .map(IssuedCard::ruleId).orElse("unrecorded");
      cards.add(new ExpectedCard(ruleId, card.path("indicator").asText()));
    }
    return cards;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleGivesItsExpectedCardsOverHttp(Example example) throws Exception {
    assertThat(post(prefetchOnly, example, new String(example.body(), java.nio.charset.StandardCharsets.UTF_8)))
        .containsExactlyElementsOf(example.cards());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void sameCardsWhenTheHistoryIsFetchedInsteadOfPrefetched(Example example) throws Exception {
    ObjectNode request = (ObjectNode) JSON.readTree(example.body());
    JsonNode prefetch = request.remove("prefetch");
    try (FakeEhr ehr = FakeEhr.builder().resources(resources(prefetch)).start();
        TestServer fetching = server(PrefetchOptions.defaults().withAllowedServers(List.of(ehr.baseUrl().toString())))) {
      request.put("fhirServer", ehr.baseUrl().toString());
      request.putObject("fhirAuthorization").put("access_token", "example-token").put("token_type", "Bearer")
          .put("expires_in", 300).put("scope", "user/*.read").put("subject", "iron-cds");
      ehr.requireToken("example-token");

      assertThat(post(fetching, example, request.toString())).containsExactlyElementsOf(example.cards());
      assertThat(ehr.requests()).isNotEmpty()
          .allSatisfy(r -> assertThat(r.authorization()).contains("Bearer example-token"));
    }
  }

  /** The resources a prefetch object holds, as HAPI objects for the fake EHR. */
  private static List<IBaseResource> resources(JsonNode prefetch) {
    IParser parser = Fhir.json();
    List<IBaseResource> resources = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = prefetch.fields();
    while (fields.hasNext()) {
      JsonNode value = fields.next().getValue();
      if (value.isNull()) {
        continue;
      }
      IBaseResource resource = parser.parseResource(value.toString());
      if (resource instanceof Bundle bundle) {
        bundle.getEntry().forEach(e -> resources.add(e.getResource()));
      } else {
        resources.add(resource);
      }
    }
    return resources;
  }
}
