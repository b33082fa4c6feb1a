/**
 * Builds a {@link org.ironcds.chart.PatientChart} from FHIR R4 JSON: the hook context's draft
 * orders plus prefetched or fetched resources. The only place where HAPI model types meet chart
 * records.
 */
package org.ironcds.chart.fhir;
