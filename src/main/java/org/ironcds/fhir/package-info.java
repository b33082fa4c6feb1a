/**
 * The one place that owns HAPI FHIR's R4 context: a shared {@link ca.uhn.fhir.context.FhirContext},
 * its start-up warm-up, and the OperationOutcome bodies every error response carries.
 */
package org.ironcds.fhir;
