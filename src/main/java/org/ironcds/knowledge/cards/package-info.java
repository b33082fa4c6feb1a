/**
 * Renders findings into CDS Hooks cards: evidence in markdown, source links, override reasons, and
 * suggestions whose FHIR resources (draft ServiceRequests and MedicationRequests) are written once
 * as FHIR JSON by a streaming generator ({@code OrderResources}).
 */
package org.ironcds.knowledge.cards;
