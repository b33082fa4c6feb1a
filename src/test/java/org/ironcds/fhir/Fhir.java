package org.ironcds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The tests' shared HAPI FHIR R4 context (the service itself builds no HAPI objects). Creating a
 * context is expensive and HAPI scans its model lazily on the first parse of each resource type,
 * so the tests share this one.
 */
public final class Fhir {
  private static final FhirContext CONTEXT = FhirContext.forR4Cached();

  static {
    // The service writes self-contained resources; scanning each one for references to contain
    // costs more than encoding it.
    CONTEXT.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
  }

  private Fhir() {}

  public static FhirContext context() {
    return CONTEXT;
  }

  /** A new JSON parser: parsers are cheap but not thread-safe, so take one per use. */
  public static IParser json() {
    return CONTEXT.newJsonParser();
  }

  /** Encodes a resource as compact FHIR JSON. */
  public static String encode(IBaseResource resource) {
    return CONTEXT.newJsonParser().encodeResourceToString(resource);
  }

  /**
   * Parses and encodes one small resource of every type the service reads or writes, so HAPI's
   * model scan happens now.
   */
  public static void warmUp() {
    Class<?>[] types = {
      Bundle.class, Patient.class, MedicationRequest.class, MedicationStatement.class,
      MedicationAdministration.class, Medication.class, Observation.class, ServiceRequest.class,
      OperationOutcome.class
    };
    IParser parser = json();
    for (Class<?> type : types) {
      String name = type.getSimpleName();
      IBaseResource resource = parser.parseResource("{\"resourceType\":\"" + name + "\",\"id\":\"warm-up\"}");
      parser.encodeResourceToString(resource);
    }
    CONTEXT.getResourceDefinition("Observation").getChildByName("value[x]");
  }
}
