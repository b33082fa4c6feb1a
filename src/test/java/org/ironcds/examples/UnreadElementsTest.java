package org.ironcds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.chart.PatientChart;
import org.ironcds.chart.fhir.ChartAssembler;
import org.ironcds.examples.FhirExamples.Example;
import org.ironcds.knowledge.TestCharts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Leaving unread FHIR elements out of prefetch while parsing changes nothing the rules see: each
 * example, padded with the elements a real EHR sends (narrative, identifiers, meta, performers,
 * the patient's name and address), gives the same chart as the example read whole by Jackson.
 */
class UnreadElementsTest {
  private static final CdsHooksJson JSON = new CdsHooksJson();
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ChartAssembler ASSEMBLER = new ChartAssembler(TestCharts.knowledge().labCodeTokens());

  static Stream<Example> examples() {
    return FhirExamples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void paddedRequestGivesTheChartOfTheWholeRequest(Example example) throws IOException {
    Instant now = FhirExamples.signedAt();
    JsonNode whole = PLAIN.readTree(example.body());
    HookRequest plainRequest = JSON.readHookRequest(example.body(), example.hook());
    List<JsonNode> wholeHistory = new ArrayList<>();
    whole.path("prefetch").forEach(wholeHistory::add);
    PatientChart expected = ASSEMBLER.assemble(plainRequest.context(), wholeHistory, now);

    ObjectNode padded = whole.deepCopy();
    padded.path("prefetch").forEach(UnreadElementsTest::pad);
    HookRequest request = JSON.readHookRequest(PLAIN.writeValueAsBytes(padded), example.hook());
    List<JsonNode> history = request.prefetch().keys().stream().map(request.prefetch()::value).toList();

    assertThat(ASSEMBLER.assemble(request.context(), history, now)).isEqualTo(expected);
    assertThat(request.prefetch().keys()).containsExactlyElementsOf(plainRequest.prefetch().keys());
    assertThat(history.toString()).doesNotContain("Jane", "Elm Street", "generated narrative");
  }

  /** Adds to every resource (Bundle entries included) the elements a real EHR sends along. */
  private static void pad(JsonNode value) {
    if (!value.isObject()) {
      return;
    }
    ObjectNode resource = (ObjectNode) value;
    resource.putObject("meta").put("versionId", "7").put("lastUpdated", "2026-11-01T00:00:00Z");
    resource.putObject("text").put("status", "generated").put("div", "<div>generated narrative</div>");
    resource.putArray("identifier").addObject().put("system", "urn:mrn").put("value", "12345");
    resource.putArray("extension").addObject().put("url", "http://example.org/x").put("valueString", "x");
    resource.putObject("subject").put("reference", "Patient/p").put("display", "Jane Doe");
    resource.putArray("performer").addObject().put("reference", "Practitioner/9");
    resource.putArray("note").addObject().put("text", "seen by Jane");
    if ("Patient".equals(resource.path("resourceType").asText())) {
      resource.putArray("name").addObject().put("family", "Doe").putArray("given").add("Jane");
      resource.putArray("address").addObject().put("line", "1 Elm Street");
    }
    for (JsonNode entry : resource.path("entry")) {
      pad(entry.path("resource"));
    }
    for (JsonNode contained : resource.path("contained")) {
      pad(contained);
    }
  }
}
