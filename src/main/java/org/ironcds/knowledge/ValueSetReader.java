package org.ironcds.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.knowledge.valuesets.Concept;
import org.ironcds.knowledge.valuesets.ValueSet;
import org.ironcds.knowledge.valuesets.Verification;

/**
 * Reads one FHIR ValueSet JSON file: its id (which must match the file name), its cited source
 * ({@code description} or the source extension), its concepts with their verification marks, and
 * the ingredient and brand names used for text matching.
 */
final class ValueSetReader {
  static final String EXT = "http://ironcds.org/fhir/StructureDefinition/";

  private ValueSetReader() {}

  static ValueSet read(Entry root, String expectedId, boolean includeUnverified) {
    if (!"ValueSet".equals(root.get("resourceType").node().asText())) {
      throw root.get("resourceType").fail("expected resourceType ValueSet");
    }
    String id = root.get("id").text();
    if (!id.equals(expectedId)) {
      throw root.get("id").fail("'" + id + "' does not match the file name '" + expectedId + ".json'");
    }
    String source = extension(root, "source").or(() -> root.get("description").optionalText())
        .orElseThrow(() -> root.fail("a value set must cite its source in description or the source extension"));
    return new ValueSet(id, root.get("title").optionalText().orElse(id), source, concepts(root),
        extensions(root, "match-text"), includeUnverified);
  }

  /** The concepts of a file, for a set that only extends another. */
  static List<Concept> concepts(Entry root) {
    List<Concept> concepts = new ArrayList<>();
    for (Entry include : root.get("compose").get("include").items()) {
      String system = include.get("system").text();
      for (Entry concept : include.get("concept").items()) {
        concepts.add(new Concept(system, concept.get("code").text(),
            concept.get("display").optionalText().orElse(""), verification(concept)));
      }
    }
    if (concepts.isEmpty()) {
      throw root.get("compose").fail("the value set has no concepts");
    }
    return concepts;
  }

  /** A concept without a mark is the hospital's own code, vouched for by whoever added it. */
  private static Verification verification(Entry concept) {
    Optional<String> mark = extension(concept, "verification");
    try {
      return mark.map(Verification::valueOf).orElse(Verification.V);
    } catch (IllegalArgumentException e) {
      throw concept.fail("verification '" + mark.get() + "' is not one of V2, V, S, R");
    }
  }

  static Optional<String> extension(Entry element, String name) {
    List<String> values = extensions(element, name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  static List<String> extensions(Entry element, String name) {
    List<String> values = new ArrayList<>();
    if (!element.has("extension")) {
      return values;
    }
    for (Entry extension : element.get("extension").items()) {
      if ((EXT + name).equals(extension.get("url").node().asText())) {
        Entry value = extension.has("valueCode") ? extension.get("valueCode")
            : extension.has("valueCanonical") ? extension.get("valueCanonical") : extension.get("valueString");
        values.add(value.text());
      }
    }
    return values;
  }
}
