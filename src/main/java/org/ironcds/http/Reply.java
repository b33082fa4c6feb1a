package org.ironcds.http;

import java.util.Map;
import java.util.Objects;

/** A complete HTTP response: status, content type, extra headers and body bytes. */
public record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String FHIR_JSON = "application/fhir+json; charset=utf-8";

  public Reply {
    Objects.requireNonNull(contentType, "contentType == null");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body == null");
  }

  public static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, Map.of(), body);
  }
}
