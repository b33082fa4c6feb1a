package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the Medications that medication resources point to but that the request does not hold.
 * Contained Medications ({@code #id}) and Medications present anywhere among the given values count
 * as held; references to other servers are ignored.
 */
final class MedicationReferences {
  private static final Set<String> REFERRING_TYPES =
      Set.of("MedicationRequest", "MedicationStatement", "MedicationAdministration", "MedicationDispense");
  private static final Pattern RELATIVE = Pattern.compile("Medication/[A-Za-z0-9\\-.]{1,64}");

  private MedicationReferences() {}

  /**
   * Relative references such as {@code Medication/abc}, in order of first use.
   *
   * @param values resources and Bundles, including the draft orders
   * @param base the FHIR server base, to recognise absolute references to it
   */
  static Set<String> unresolved(Collection<JsonNode> values, Optional<URI> base) {
    Set<String> held = new LinkedHashSet<>();
    Set<String> wanted = new LinkedHashSet<>();
    for (JsonNode value : values) {
      for (JsonNode resource : Bundles.resourcesIn(value)) {
        String type = resource.path("resourceType").asText();
        if (type.equals("Medication") && resource.path("id").isTextual()) {
          held.add("Medication/" + resource.get("id").textValue());
        } else if (REFERRING_TYPES.contains(type)) {
          relative(resource.path("medicationReference").path("reference").asText(""), base).ifPresent(wanted::add);
        }
      }
    }
    wanted.removeAll(held);
    return wanted;
  }

  private static Optional<String> relative(String reference, Optional<URI> base) {
    String text = reference;
    if (base.isPresent()) {
      String root = base.get().toString().endsWith("/") ? base.get().toString() : base.get() + "/";
      if (text.startsWith(root)) {
        text = text.substring(root.length());
      }
    }
    int history = text.indexOf("/_history/");
    if (history > 0) {
      text = text.substring(0, history);
    }
    return RELATIVE.matcher(text).matches() ? Optional.of(text) : Optional.empty();
  }
}
