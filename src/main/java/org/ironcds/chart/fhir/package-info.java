/**
 * Builds a {@link org.ironcds.chart.PatientChart} from FHIR R4 JSON: the hook context's draft
 * orders plus prefetched or fetched resources, read from Jackson trees. The only place where FHIR
 * JSON meets chart records.
 */
package org.ironcds.chart.fhir;
