package org.ironcds.http;

import java.util.Map;
import java.util.Objects;

/**
 * A request refused at the HTTP level (unknown path, wrong method, wrong content type, body too
 * large). Carries the status, the FHIR issue type of the OperationOutcome and any extra headers.
 */
final class HttpError extends RuntimeException {
  private final int status;
  private final String issueType;
  private final Map<String, String> headers;

  HttpError(int status, String issueType, String message) {
    this(status, issueType, message, Map.of());
  }

  HttpError(int status, String issueType, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.issueType = Objects.requireNonNull(issueType, "issueType == null");
    this.headers = Map.copyOf(headers);
  }

  int status() {
    return status;
  }

  String issueType() {
    return issueType;
  }

  Map<String, String> headers() {
    return headers;
  }
}
