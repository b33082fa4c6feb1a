/**
 * FHIR R4 resources the service writes outside cards: the OperationOutcome bodies every error
 * response carries. The service builds no HAPI objects at run time; HAPI FHIR is a test
 * dependency, used to check that what the service writes is valid FHIR and to serve FHIR in tests.
 */
package org.ironcds.fhir;
