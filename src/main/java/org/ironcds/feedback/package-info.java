/**
 * Feedback on issued cards: the durable store ({@link org.ironcds.feedback.FeedbackStore}, JDBC on
 * embedded H2 or PostgreSQL, migrations in {@code db/migration} applied by {@link
 * org.ironcds.feedback.SchemaMigrator}), the per-service and per-rule summary ({@link org.ironcds.feedback.FeedbackSummary}, rendered by {@link
 * org.ironcds.feedback.SummaryTable} and {@link org.ironcds.feedback.SummaryJson}), the {@code
 * feedback-report} command and the admin credential that guards the summary endpoint.
 *
 * <p>Nothing here stores or logs patient or practitioner identifiers, FHIR resources, card text or
 * comment text. No Jetty types; configuration arrives as {@link org.ironcds.feedback.StorageOptions}.
 */
package org.ironcds.feedback;
