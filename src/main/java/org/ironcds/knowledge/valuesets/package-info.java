/**
 * Code lists the rules match against: FHIR ValueSets bundled under {@code knowledge/valuesets/},
 * loaded and checked at start-up, each citing its source and marking every code's verification.
 */
package org.ironcds.knowledge.valuesets;
