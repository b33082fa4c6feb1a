package org.ironcds.cdshooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Reads JSON into a Jackson tree in one pass over the bytes, and can leave out the FHIR elements
 * that nothing in this service reads ({@link #UNREAD_FHIR_ELEMENTS}) while doing so.
 *
 * <p>Why: prefetched history is most of a hook request, and an EHR sends whole resources
 * (narrative, identifiers, performers, meta) of which the chart uses a dozen elements. Skipping
 * the rest in the tokenizer means those bytes are scanned once and never become nodes or strings,
 * and patient data the service has no use for (names, addresses, photos) is never held at all.
 *
 * <p>Text values that repeat within the document share one node ({@link RepeatedTexts}), and
 * each object's fields are collected on a stack and stored once complete, in an array of exactly
 * their size ({@link FieldStack}).
 *
 * <p>The tree equals Jackson's own {@code readTree}, minus the skipped elements: a repeated field
 * keeps its last value, numbers become int, long, big-integer or double nodes, and anything after
 * the first value is an error. Nesting depth is bounded by the factory's read constraints.
 * Immutable and safe for concurrent use.
 */
final class JsonTreeReader {
  /**
   * FHIR R4 elements no rule, chart mapper or prefetch step reads. {@code text} is skipped only
   * when it is an object (a resource's narrative); a CodeableConcept's {@code text} is a string
   * and is kept. {@code modifierExtension} is kept on purpose: it can change a resource's meaning.
   */
  static final Set<String> UNREAD_FHIR_ELEMENTS = Set.of(
      "meta", "implicitRules", "language", "identifier", "extension",
      "subject", "patient", "encounter", "context", "performer", "requester", "recorder", "asserter",
      "informationSource", "basedOn", "partOf", "derivedFrom", "hasMember", "supportingInformation",
      "category", "note", "interpretation", "specimen", "device", "method", "bodySite",
      "reasonCode", "reasonReference", "insurance", "courseOfTherapyType", "substitution",
      "name", "telecom", "address", "photo", "contact", "communication", "generalPractitioner",
      "managingOrganization", "maritalStatus");

  private final JsonFactory factory;
  private final JsonNodeFactory nodes;

  JsonTreeReader(JsonFactory factory, JsonNodeFactory nodes) {
    this.factory = factory;
    this.nodes = nodes;
  }

  /**
   * Reads a hook request: everything as sent, except that inside each {@code prefetch} value the
   * unread FHIR elements are left out. An empty body gives a {@link MissingNode}.
   */
  JsonNode readHookRequest(InputStream body) throws IOException {
    try (JsonParser parser = factory.createParser(body)) {
      return readDocument(parser, Pruning.REQUEST);
    }
  }

  /** As {@link #readHookRequest(InputStream)}, from an array. */
  JsonNode readHookRequest(byte[] body) throws IOException {
    try (JsonParser parser = factory.createParser(body)) {
      return readDocument(parser, Pruning.REQUEST);
    }
  }

  /** Reads a FHIR resource or Bundle, leaving out the unread FHIR elements at every depth. */
  JsonNode readFhirResource(byte[] body) throws IOException {
    try (JsonParser parser = factory.createParser(body)) {
      return readDocument(parser, Pruning.FHIR);
    }
  }

  /** Where in the document the reader is, which decides what it may leave out. */
  private enum Pruning {
    /** The hook request's own fields: nothing is left out; its prefetch values are FHIR. */
    REQUEST,
    /** The prefetch object: its keys are template names, its values FHIR. */
    PREFETCH,
    /** Inside a FHIR resource: unread elements are left out. */
    FHIR,
    /** Anywhere else: nothing is left out. */
    NONE
  }

  private JsonNode readDocument(JsonParser parser, Pruning pruning) throws IOException {
    if (parser.nextToken() == null) {
      return MissingNode.getInstance();
    }
    JsonNode root = value(parser, pruning, new Parse(new RepeatedTexts(nodes), new FieldStack()));
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "Content after the JSON value");
    }
    return root;
  }

  /** The state of one parse: the texts seen so far and the fields of the objects it is inside. */
  private record Parse(RepeatedTexts texts, FieldStack fields) {}

  private JsonNode value(JsonParser parser, Pruning pruning, Parse parse) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        return object(parser, pruning, parse);
      case START_ARRAY:
        return array(parser, pruning == Pruning.FHIR ? Pruning.FHIR : Pruning.NONE, parse);
      case VALUE_STRING:
        return parse.texts().node(parser);
      case VALUE_NUMBER_INT:
        return integer(parser);
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw new JsonParseException(parser, "Unexpected token " + parser.currentToken());
    }
  }

  private ObjectNode object(JsonParser parser, Pruning pruning, Parse parse) throws IOException {
    FieldStack stack = parse.fields();
    int mark = stack.open();
    CompactFields large = null; // an object too large for the stack's linear checks
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken valueToken = parser.nextToken();
      if (pruning == Pruning.FHIR && unread(name, valueToken)) {
        parser.skipChildren();
        continue;
      }
      JsonNode value = value(parser, inside(pruning, name), parse);
      if (large != null) {
        large.put(name, value);
        continue;
      }
      stack.add(mark, name, value);
      if (stack.count(mark) > CompactFields.INDEXED_FROM) {
        large = new CompactFields();
        stack.moveTo(mark, large);
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new JsonParseException(parser, "Unexpected end of input in an object");
    }
    return new ObjectNode(nodes, large != null ? large : stack.close(mark));
  }

  private static Pruning inside(Pruning pruning, String name) {
    return switch (pruning) {
      case REQUEST -> name.equals("prefetch") ? Pruning.PREFETCH : Pruning.NONE;
      case PREFETCH, FHIR -> Pruning.FHIR;
      case NONE -> Pruning.NONE;
    };
  }

  private static boolean unread(String name, JsonToken value) {
    return name.equals("text") ? value == JsonToken.START_OBJECT : UNREAD_FHIR_ELEMENTS.contains(name);
  }

  private ArrayNode array(JsonParser parser, Pruning pruning, Parse parse) throws IOException {
    ArrayNode array = nodes.arrayNode(2);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new JsonParseException(parser, "Unexpected end of input in an array");
      }
      array.add(value(parser, pruning, parse));
    }
    return array;
  }

  private JsonNode integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> nodes.numberNode(parser.getIntValue());
      case LONG -> nodes.numberNode(parser.getLongValue());
      default -> nodes.numberNode(parser.getBigIntegerValue());
    };
  }
}
