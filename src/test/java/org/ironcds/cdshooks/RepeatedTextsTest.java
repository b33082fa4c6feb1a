package org.ironcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Repeated text values share a node within one document and never get mixed up. */
class RepeatedTextsTest {
  private static final ObjectMapper MAPPER = new CdsHooksJson().mapper();
  private static final JsonTreeReader READER = new JsonTreeReader(MAPPER.getFactory(), MAPPER.getNodeFactory());

  @Test
  void equalTextsInOneDocumentAreOneNode() throws IOException {
    JsonNode tree = read("{\"a\": [\"http://loinc.org\", \"mg/dL\"], \"b\": [\"http://loinc.org\", \"mg/dL\"]}");
    assertThat(tree.path("a").get(0)).isSameAs(tree.path("b").get(0));
    assertThat(tree.path("a").get(1)).isSameAs(tree.path("b").get(1));
    assertThat(read("[\"mg/dL\"]").get(0)).as("nothing is shared between documents").isNotSameAs(tree.path("a").get(1));
  }

  @Test
  void textsThatCollideKeepTheirOwnValues() throws IOException {
    // "Aa" and "BB" have the same hash, so they land in the same slot.
    JsonNode tree = read("[\"Aa\", \"BB\", \"Aa\", \"BB\", \"Ab\", \"\", \"\"]");
    assertThat(tree).isEqualTo(MAPPER.readTree("[\"Aa\", \"BB\", \"Aa\", \"BB\", \"Ab\", \"\", \"\"]"));
  }

  @Test
  void escapedUnicodeAndLongTextsReadAsJacksonReadsThem() throws IOException {
    String longText = "x".repeat(500);
    String json = "[\"a\\\"b\", \"caf\\u00e9\", \"café\", \"\uD83D\uDC8A\", \"" + longText + "\", \"" + longText + "\"]";
    JsonNode tree = read(json);
    assertThat(tree).isEqualTo(MAPPER.readTree(json));
    assertThat(tree.get(1)).as("escaped and literal é are the same text").isSameAs(tree.get(2));
    assertThat(tree.get(4).textValue()).isEqualTo(longText);
  }

  private static JsonNode read(String json) throws IOException {
    return READER.readHookRequest(json.getBytes(StandardCharsets.UTF_8));
  }
}
