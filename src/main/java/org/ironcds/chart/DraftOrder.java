package org.ironcds.chart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An unsigned medication order from the hook context. {@code plannedStart} is the order's own
 * start (dosage timing or validity period) when it has one; {@code selected} is true for the
 * orders an order-select hook named, and for every order of an order-sign hook.
 */
public record DraftOrder(
    Optional<String> id,
    List<Code> codes,
    Optional<String> text,
    List<Code> routes,
    Optional<Instant> authoredOn,
    Optional<Instant> plannedStart,
    Optional<String> requester,
    Optional<String> encounter,
    List<Code> reasonCodes,
    List<String> reasonReferences,
    boolean selected) {

  public DraftOrder {
    Objects.requireNonNull(id, "id == null");
    codes = List.copyOf(codes);
    Objects.requireNonNull(text, "text == null");
    routes = List.copyOf(routes);
    Objects.requireNonNull(authoredOn, "authoredOn == null");
    Objects.requireNonNull(plannedStart, "plannedStart == null");
    Objects.requireNonNull(requester, "requester == null");
    Objects.requireNonNull(encounter, "encounter == null");
    reasonCodes = List.copyOf(reasonCodes);
    reasonReferences = List.copyOf(reasonReferences);
  }

  /** The relative reference {@code MedicationRequest/<id>}, when the draft has an id. */
  public Optional<String> reference() {
    return id.map(i -> "MedicationRequest/" + i);
  }

  /** When the infusion is planned: the order's own start, else the signing moment. */
  public Instant plannedFor(Instant signedAt) {
    return plannedStart.orElse(signedAt);
  }
}
