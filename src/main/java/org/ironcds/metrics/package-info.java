/**
 * Operational metrics: a small vocabulary of events ({@link Metrics}) that the other packages
 * report, and its Micrometer/Prometheus implementation. Labels are service ids, rule ids, statuses
 * and reasons: low-cardinality values that never identify a patient.
 */
package org.ironcds.metrics;
