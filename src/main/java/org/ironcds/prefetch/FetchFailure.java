package org.ironcds.prefetch;

import java.util.Locale;

/** Why a key could not be fetched: a small closed set, so it can label a metric. */
public enum FetchFailure {
  /** The request carries no {@code fhirServer} or no {@code fhirAuthorization}. */
  NOT_CONFIGURED,
  /** {@code fhirServer} is not on the allow-list. */
  SERVER_REFUSED,
  /** The template uses a token the request has no value for. */
  NOT_EXPANDABLE,
  /** The server answered 401 or 403. */
  UNAUTHORIZED,
  /** The server answered another non-2xx status. */
  HTTP_ERROR,
  /** The server answered with an OperationOutcome instead of data. */
  OPERATION_OUTCOME,
  /** The body was not a FHIR resource in JSON. */
  UNPARSEABLE,
  /** The body was larger than {@link PrefetchOptions#maxResponseBytes()}. */
  TOO_LARGE,
  /** One exchange took longer than {@link PrefetchOptions#requestTimeout()}. */
  TIMEOUT,
  /** The call's overall deadline passed first. */
  DEADLINE,
  /** The connection failed (refused, reset, DNS). */
  IO_ERROR;

  /** The lower-case name, for log fields and metric tags. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
