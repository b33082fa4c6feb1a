/**
 * The CDS Hooks 2.0 protocol as immutable records: discovery, hook requests, cards and their parts.
 *
 * <p>Nothing here knows about Jetty. FHIR resources travel as raw JSON ({@link
 * com.fasterxml.jackson.databind.JsonNode} on the way in, {@link FhirJson} on the way out) so the
 * request is parsed once and no FHIR object model is built for it.
 * Absence is {@link java.util.Optional} or an empty list, never {@code null}; {@link CdsHooksJson}
 * omits both from every response, as the spec requires.
 */
package org.ironcds.cdshooks;
