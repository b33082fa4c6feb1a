/**
 * Authentication of CDS clients (EHRs) by the signed JWT each request carries. No Jetty types: the
 * HTTP layer hands over the endpoint URL the token must be addressed to and the Authorization header.
 */
package org.ironcds.auth;
