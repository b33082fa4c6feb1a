package org.ironcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JSON node that remembers its file and path, so every validation error names the culprit. */
record Entry(String file, String path, JsonNode node) {
  Entry get(String key) {
    return new Entry(file, path.isEmpty() ? key : path + "." + key, node.path(key));
  }

  Entry at(int index) {
    return new Entry(file, path + "[" + index + "]", node.path(index));
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  List<Entry> items() {
    if (!node.isArray()) {
      throw fail("expected an array");
    }
    List<Entry> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      items.add(at(i));
    }
    return items;
  }

  List<Map.Entry<String, Entry>> fields() {
    if (!node.isObject()) {
      throw fail("expected an object");
    }
    List<Map.Entry<String, Entry>> fields = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      fields.add(Map.entry(name, get(name)));
    }
    return fields;
  }

  String text() {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw fail("expected a non-empty string");
    }
    return node.asText();
  }

  Optional<String> optionalText() {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  double number() {
    if (!node.isNumber()) {
      throw fail("expected a number");
    }
    return node.asDouble();
  }

  boolean bool() {
    if (!node.isBoolean()) {
      throw fail("expected true or false");
    }
    return node.asBoolean();
  }

  Period period() {
    String text = text();
    try {
      Period period = Period.parse(text);
      if (period.isNegative() || period.isZero()) {
        throw fail("'" + text + "' must be a positive period");
      }
      return period;
    } catch (DateTimeParseException e) {
      throw fail("'" + text + "' is not an ISO-8601 period such as P7M or P90D");
    }
  }

  URI absoluteUrl() {
    String text = text();
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute()) {
        throw fail("'" + text + "' is not an absolute URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw fail("'" + text + "' is not a URL");
    }
  }

  /** A setting's mandatory citation. */
  String source() {
    return get("source").text();
  }

  KnowledgeException fail(String message) {
    return new KnowledgeException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }
}
