package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small reads and merges on FHIR Bundles kept as JSON trees. */
final class Bundles {
  private Bundles() {}

  static boolean isBundle(JsonNode node) {
    return "Bundle".equals(node.path("resourceType").asText());
  }

  static boolean isOperationOutcome(JsonNode node) {
    return "OperationOutcome".equals(node.path("resourceType").asText());
  }

  /**
   * True for a Bundle that carries an OperationOutcome entry with an {@code error} or {@code fatal}
   * issue: the spec lets a client report a failed prefetch that way, inside the Bundle. Warnings
   * (HAPI adds some to searches) do not count.
   */
  static boolean reportsError(JsonNode bundle) {
    if (!isBundle(bundle)) {
      return false;
    }
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode resource = entry.path("resource");
      if (isOperationOutcome(resource)) {
        for (JsonNode issue : resource.path("issue")) {
          String severity = issue.path("severity").asText();
          if (severity.equals("error") || severity.equals("fatal")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The {@code link[relation=next].url} of a Bundle, if any. */
  static Optional<String> nextLink(JsonNode bundle) {
    for (JsonNode link : bundle.path("link")) {
      if ("next".equals(link.path("relation").asText()) && link.path("url").isTextual()) {
        return Optional.of(link.get("url").textValue());
      }
    }
    return Optional.empty();
  }

  /** The resource itself, or a Bundle's entry resources. */
  static List<JsonNode> resourcesIn(JsonNode value) {
    if (!isBundle(value)) {
      return List.of(value);
    }
    List<JsonNode> resources = new ArrayList<>();
    for (JsonNode entry : value.path("entry")) {
      if (entry.path("resource").isObject()) {
        resources.add(entry.get("resource"));
      }
    }
    return resources;
  }

  /**
   * One searchset Bundle holding the entries of every page, in order. The {@code next} link is
   * dropped, so no later reader pages again.
   */
  static JsonNode merge(List<JsonNode> pages) {
    if (pages.size() == 1) {
      return pages.get(0);
    }
    ObjectNode merged = pages.get(0).deepCopy();
    ArrayNode entries = merged.putArray("entry");
    for (JsonNode page : pages) {
      page.path("entry").forEach(entries::add);
    }
    ArrayNode links = merged.putArray("link");
    for (JsonNode link : pages.get(0).path("link")) {
      if (!"next".equals(link.path("relation").asText())) {
        links.add(link);
      }
    }
    if (links.isEmpty()) {
      merged.remove("link");
    }
    return merged;
  }
}
