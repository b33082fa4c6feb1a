package org.ironcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass reader gives Jackson's own tree, except that inside prefetch values (and fetched
 * resources) the unread FHIR elements are gone; everything else of the request stays as sent.
 */
class JsonTreeReaderTest {
  private static final ObjectMapper MAPPER = new CdsHooksJson().mapper();
  private static final JsonTreeReader READER = new JsonTreeReader(MAPPER.getFactory(), MAPPER.getNodeFactory());

  static Stream<Path> exampleRequests() throws IOException {
    return Files.list(Path.of("fhir-examples")).filter(p -> p.toString().endsWith(".json")
        && !p.getFileName().toString().equals("expected.json")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleRequests")
  void givesJacksonsTreeWithOnlyTheUnreadFhirElementsOfPrefetchLeftOut(Path file) throws IOException {
    byte[] body = Files.readAllBytes(file);
    ObjectNode expected = (ObjectNode) MAPPER.readTree(body);
    expected.path("prefetch").forEach(JsonTreeReaderTest::removeUnread);

    assertThat(READER.readHookRequest(body)).isEqualTo(expected);
    assertThat(READER.readHookRequest(new ByteArrayInputStream(body))).isEqualTo(expected);
  }

  @Test
  void leavesOutUnreadElementsAtAnyDepthOfPrefetchButKeepsWhatTheChartReads() throws IOException {
    JsonNode tree = READER.readHookRequest(json("""
        {'hook': 'order-sign', 'context': {'draftOrders': {'resourceType': 'Bundle', 'entry': [{'resource':
          {'resourceType': 'MedicationRequest', 'subject': {'reference': 'Patient/1'}, 'text': {'div': 'x'}}}]}},
         'prefetch': {
          'subject': {'resourceType': 'Patient', 'id': 'p1', 'name': [{'family': 'Doe'}],
             'address': [{'city': 'X'}], 'photo': [{'data': 'AAAA'}], 'birthDate': '1950-01-01'},
          'observations': {'resourceType': 'Bundle', 'link': [{'relation': 'next', 'url': 'http://x/2'}],
            'entry': [{'fullUrl': 'http://x/Observation/o1', 'resource': {'resourceType': 'Observation',
              'id': 'o1', 'meta': {'versionId': '3'}, 'text': {'status': 'generated', 'div': '<div>Doe</div>'},
              'identifier': [{'value': 'MRN'}], 'subject': {'reference': 'Patient/p1'},
              'category': [{'coding': [{'code': 'laboratory'}]}], 'performer': [{'reference': 'Practitioner/9'}],
              'modifierExtension': [{'url': 'http://x/m'}], 'extension': [{'url': 'http://x/e'}],
              'code': {'coding': [{'system': 'http://loinc.org', 'code': '2777-1'}], 'text': 'Phosphate'},
              'valueQuantity': {'value': 2.1, 'unit': 'mg/dL'}, 'effectiveDateTime': '2026-11-01',
              'referenceRange': [{'low': {'value': 2.5}, 'text': 'adult'}]}}]}}}
        """));

    assertThat(tree.path("context").path("draftOrders").path("entry").get(0).path("resource").has("subject"))
        .as("draft orders are the context, kept whole").isTrue();
    assertThat(tree.path("context").path("draftOrders").path("entry").get(0).path("resource").has("text")).isTrue();
    assertThat(tree.path("prefetch").has("subject")).as("a prefetch key is a template name, never left out").isTrue();
    JsonNode patient = tree.path("prefetch").path("subject");
    assertThat(fieldNames(patient)).containsExactly("resourceType", "id", "birthDate");
    JsonNode bundle = tree.path("prefetch").path("observations");
    assertThat(bundle.path("link").get(0).path("url").asText()).isEqualTo("http://x/2");
    JsonNode observation = bundle.path("entry").get(0).path("resource");
    assertThat(bundle.path("entry").get(0).path("fullUrl").asText()).isEqualTo("http://x/Observation/o1");
    assertThat(fieldNames(observation)).containsExactly("resourceType", "id", "modifierExtension", "code",
        "valueQuantity", "effectiveDateTime", "referenceRange");
    assertThat(observation.path("code").path("text").asText()).as("a CodeableConcept's text is kept").isEqualTo("Phosphate");
    assertThat(observation.path("referenceRange").get(0).path("text").asText()).isEqualTo("adult");
    assertThat(observation.path("valueQuantity").path("value").doubleValue()).isEqualTo(2.1);
  }

  @Test
  void readsFetchedResourcesWithTheSameLeavingOut() throws IOException {
    JsonNode bundle = READER.readFhirResource(json("""
        {'resourceType': 'Bundle', 'meta': {'lastUpdated': '2026-01-01'}, 'entry': [{'resource':
          {'resourceType': 'MedicationStatement', 'status': 'active', 'subject': {'reference': 'Patient/1'},
           'medicationCodeableConcept': {'text': 'denosumab'}}}]}
        """));
    assertThat(fieldNames(bundle)).containsExactly("resourceType", "entry");
    assertThat(fieldNames(bundle.path("entry").get(0).path("resource")))
        .containsExactly("resourceType", "status", "medicationCodeableConcept");
  }

  @Test
  void keepsJacksonsValueTypesAndLastOfARepeatedField() throws IOException {
    JsonNode tree = READER.readHookRequest(json(
        "{'a': 1, 'a': 2, 'int': 7, 'long': 8000000000, 'big': 123456789012345678901234567890,"
            + " 'double': 1.5e3, 't': true, 'f': false, 'n': null, 'list': [1, 'x', [], {}]}"));
    assertThat(tree).isEqualTo(MAPPER.readTree(json(
        "{'a': 2, 'int': 7, 'long': 8000000000, 'big': 123456789012345678901234567890,"
            + " 'double': 1.5e3, 't': true, 'f': false, 'n': null, 'list': [1, 'x', [], {}]}")));
    assertThat(tree.path("int").isInt()).isTrue();
    assertThat(tree.path("long").isLong()).isTrue();
    assertThat(tree.path("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(tree.path("double").isDouble()).isTrue();
  }

  @Test
  void anEmptyBodyIsAMissingNode() throws IOException {
    assertThat(READER.readHookRequest(new byte[0]).isMissingNode()).isTrue();
    assertThat(READER.readHookRequest("  \n".getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{'a': 1} {'b': 2}", "{'a': 1} x", "{'a': [1, 2", "{'a': {'b': 1}", "{'a' 1}", "[1,,2]",
      "{'prefetch': {'k': {'resourceType': 'Bundle', 'entry': [{'resource': {'meta': ", "tru"})
  void malformedJsonIsAParseError(String text) {
    assertThatThrownBy(() -> READER.readHookRequest(json(text))).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void nestingBeyondTheLimitIsRefusedBeforeTheStackIsAtRisk() {
    String deep = "[".repeat(CdsHooksJson.MAX_NESTING_DEPTH + 1) + "]".repeat(CdsHooksJson.MAX_NESTING_DEPTH + 1);
    assertThatThrownBy(() -> READER.readHookRequest(deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StreamConstraintsException.class);
    String skipped = "{'prefetch': {'k': {'meta': " + deep + "}}}";
    assertThatThrownBy(() -> READER.readHookRequest(json(skipped)))
        .as("a left-out element is still bounded").isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void aHugeObjectStillReadsEveryField() throws IOException {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < 20_000; i++) {
      text.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    JsonNode tree = READER.readHookRequest(text.append("}").toString().getBytes(StandardCharsets.UTF_8));
    assertThat(tree.size()).isEqualTo(20_000);
    assertThat(tree.path("f19999").intValue()).isEqualTo(19_999);
  }

  @ParameterizedTest(name = "{0} fields")
  @ValueSource(ints = {2, CompactFields.INDEXED_FROM - 1, CompactFields.INDEXED_FROM, CompactFields.INDEXED_FROM + 1, 40})
  void objectsOfEverySizeNestedInsideEachOtherGiveJacksonsTree(int count) throws IOException {
    // Some fields hold a smaller object of the same shape, so objects are completed while their
    // parents are still being read; the first field is repeated at the end (the last value wins).
    StringBuilder text = new StringBuilder();
    nested(text, count, 3);
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    JsonNode tree = READER.readHookRequest(body);
    assertThat(tree).isEqualTo(MAPPER.readTree(body));
    assertThat(tree.size()).isEqualTo(count);
    assertThat(tree.path("k0").asInt()).as("the repeated field keeps its last value").isEqualTo(-count);
  }

  private static void nested(StringBuilder text, int count, int depth) {
    text.append('{');
    for (int i = 0; i < count; i++) {
      text.append("\"k").append(i).append("\":");
      if (depth > 0 && i % 7 == 1) {
        nested(text, count / 2 + 1, depth - 1);
      } else {
        text.append("[{\"x\":").append(i).append("}]");
      }
      text.append(',');
    }
    text.append("\"k0\":").append(-count).append('}');
  }

  /** The test's own statement of the rule, applied to Jackson's tree: an independent oracle. */
  private static void removeUnread(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        boolean narrative = field.getKey().equals("text") && field.getValue().isObject();
        if (narrative || JsonTreeReader.UNREAD_FHIR_ELEMENTS.contains(field.getKey())) {
          fields.remove();
        } else {
          removeUnread(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(JsonTreeReaderTest::removeUnread);
    }
  }

  private static Iterable<String> fieldNames(JsonNode node) {
    return () -> node.fieldNames();
  }

  private static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }
}
