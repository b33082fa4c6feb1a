package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads typed fields out of a JSON tree, turning every mismatch into an {@link
 * InvalidRequestException} that names the field. Messages never quote the value that was sent.
 */
final class JsonFields {
  private JsonFields() {}

  static JsonNode requireObject(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw new InvalidRequestException(path, path + " is required");
    }
    if (!node.isObject()) {
      throw new InvalidRequestException(path, path + " must be a JSON object");
    }
    return node;
  }

  static Optional<JsonNode> optionalObject(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new InvalidRequestException(path, path + " must be a JSON object");
    }
    return Optional.of(node);
  }

  static String requireText(JsonNode parent, String field, String path) {
    return optionalText(parent, field, path)
        .orElseThrow(() -> new InvalidRequestException(path, path + " is required"));
  }

  static Optional<String> optionalText(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException(path, path + " must be a string");
    }
    String text = node.textValue();
    if (text.isBlank()) {
      throw new InvalidRequestException(path, path + " must not be empty");
    }
    return Optional.of(text);
  }
}
