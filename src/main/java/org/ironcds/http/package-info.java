/**
 * The HTTP face of the service on embedded Jetty 12: routing, CORS, body limits, the one mapping
 * of errors to statuses with OperationOutcome bodies, and one log line per request.
 *
 * <p>Endpoints see an {@link Exchange}, not Jetty types, and return a {@link Reply}; everything
 * Jetty-specific stays in {@link HttpServer} and {@link Router}.
 */
package org.ironcds.http;
