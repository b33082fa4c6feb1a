/**
 * The patient chart the rules read: immutable records built once per request from FHIR, with no
 * HAPI or Jackson types, so rules are pure functions of {@code (PatientChart, Instant now)}.
 */
package org.ironcds.chart;
