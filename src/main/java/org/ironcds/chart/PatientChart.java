package org.ironcds.chart;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clinical snapshot of one hook call: who orders what for whom, the medication history and
 * the numeric lab results (body weight included). Immutable and free of FHIR library types.
 */
public record PatientChart(
    String patientId,
    Optional<String> encounterId,
    String userId,
    List<DraftOrder> draftOrders,
    List<MedicationUse> medications,
    List<LabResult> labs) {

  public PatientChart {
    Objects.requireNonNull(patientId, "patientId == null");
    Objects.requireNonNull(encounterId, "encounterId == null");
    Objects.requireNonNull(userId, "userId == null");
    draftOrders = List.copyOf(draftOrders);
    medications = List.copyOf(medications);
    labs = List.copyOf(labs);
  }

  /** The draft orders to advise on: the selected ones (all of them for order-sign). */
  public List<DraftOrder> ordersToAdvise() {
    return draftOrders.stream().filter(DraftOrder::selected).toList();
  }
}
