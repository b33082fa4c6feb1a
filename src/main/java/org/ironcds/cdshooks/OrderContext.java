package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The context of {@code order-sign} and {@code order-select}: who orders, for whom, and the unsigned
 * orders as a FHIR Bundle. {@code selections} is empty for order-sign; for order-select it lists the
 * typed references ({@code MedicationRequest/123}) of the newly selected draft orders, each checked
 * to point into {@code draftOrders}.
 */
public record OrderContext(
    String userId, String patientId, Optional<String> encounterId, JsonNode draftOrders, List<String> selections) {
  public OrderContext {
    Coding.requireText(userId, "userId");
    Coding.requireText(patientId, "patientId");
    Objects.requireNonNull(encounterId, "encounterId == null");
    Objects.requireNonNull(draftOrders, "draftOrders == null");
    selections = List.copyOf(selections);
  }

  @Override
  public String toString() {
    // Orders are PHI: keep them out of any accidental log line.
    return "OrderContext[draftOrders=" + draftOrders.path("entry").size() + " entries, selections="
        + selections.size() + "]";
  }
}
