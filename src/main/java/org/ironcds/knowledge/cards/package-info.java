/**
 * Renders findings into CDS Hooks cards: evidence in markdown, source links, override reasons, and
 * suggestions whose FHIR resources (draft ServiceRequests and MedicationRequests) are built with
 * HAPI R4 model classes and encoded once.
 */
package org.ironcds.knowledge.cards;
