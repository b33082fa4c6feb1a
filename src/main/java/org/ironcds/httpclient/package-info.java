/**
 * Safeguards for the calls this service makes to other servers (EHR FHIR servers, JWKS URLs): a
 * leaf package used by {@code prefetch} and {@code auth}.
 */
package org.ironcds.httpclient;
