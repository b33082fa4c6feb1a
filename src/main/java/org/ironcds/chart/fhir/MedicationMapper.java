package org.ironcds.chart.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.ironcds.chart.MedicationUse;
import org.ironcds.chart.MedicationUse.Kind;

/**
 * Maps medication history resources to {@link MedicationUse}s. Records that mean the drug was never
 * given are dropped: entered-in-error everywhere, cancelled and draft orders, not-taken statements,
 * not-done administrations.
 */
final class MedicationMapper {
  private static final Set<String> SKIPPED_REQUEST = Set.of("entered-in-error", "cancelled", "draft");
  private static final Set<String> SKIPPED_STATEMENT = Set.of("entered-in-error", "not-taken", "intended");
  private static final Set<String> SKIPPED_ADMINISTRATION = Set.of("entered-in-error", "not-done");

  private final MedicationResolver resolver;

  MedicationMapper(MedicationResolver resolver) {
    this.resolver = resolver;
  }

  Optional<MedicationUse> request(MedicationRequest request) {
    String status = status(request.getStatusElement());
    if (SKIPPED_REQUEST.contains(status)) {
      return Optional.empty();
    }
    CodeableConcept drug = resolver.resolve(request.getMedication(), request);
    return Optional.of(use("MedicationRequest/" + request.getIdElement().getIdPart(), Kind.REQUEST, status.equals("active"),
        drug, routes(request.getDosageInstruction()), lastDate(request)));
  }

  Optional<MedicationUse> statement(MedicationStatement statement) {
    String status = status(statement.getStatusElement());
    if (SKIPPED_STATEMENT.contains(status)) {
      return Optional.empty();
    }
    CodeableConcept drug = resolver.resolve(statement.getMedication(), statement);
    return Optional.of(use("MedicationStatement/" + statement.getIdElement().getIdPart(), Kind.STATEMENT, status.equals("active"),
        drug, routes(statement.getDosage()), Concepts.latest(statement.getEffective())));
  }

  Optional<MedicationUse> administration(MedicationAdministration administration) {
    String status = status(administration.getStatusElement());
    if (SKIPPED_ADMINISTRATION.contains(status)) {
      return Optional.empty();
    }
    CodeableConcept drug = resolver.resolve(administration.getMedication(), administration);
    List<org.ironcds.chart.Code> routes = Concepts.codes(administration.getDosage().getRoute());
    return Optional.of(use("MedicationAdministration/" + administration.getIdElement().getIdPart(), Kind.ADMINISTRATION,
        status.equals("in-progress"), drug, routes, Concepts.latest(administration.getEffective())));
  }

  /**
   * The latest date an order speaks of: authoring, end of its validity period, end of its dosage
   * bounds. A long-running order stopped last month should count from its end, not its authoring.
   */
  private static Optional<Instant> lastDate(MedicationRequest request) {
    Optional<Instant> last = Concepts.instant(request.getAuthoredOnElement());
    last = Concepts.later(last, Concepts.instant(request.getDispenseRequest().getValidityPeriod().getEndElement()));
    for (Dosage dosage : request.getDosageInstruction()) {
      if (dosage.getTiming().getRepeat().hasBoundsPeriod()) {
        last = Concepts.later(last, Concepts.instant(dosage.getTiming().getRepeat().getBoundsPeriod().getEndElement()));
      }
    }
    return last;
  }

  private static String status(org.hl7.fhir.r4.model.PrimitiveType<?> status) {
    return status.hasValue() ? status.getValueAsString() : "unknown";
  }

  static List<org.ironcds.chart.Code> routes(List<Dosage> dosages) {
    return Concepts.codes(dosages.stream().map(Dosage::getRoute).toList());
  }

  private static MedicationUse use(String reference, Kind kind, boolean active, CodeableConcept drug,
      List<org.ironcds.chart.Code> routes, Optional<Instant> lastDate) {
    return new MedicationUse(reference, kind, active, Concepts.codes(drug), Concepts.text(drug), routes,
        lastDate);
  }
}
