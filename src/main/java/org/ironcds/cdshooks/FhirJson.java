package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A FHIR resource already encoded as JSON, written into a response as it is.
 *
 * <p>Keeping the encoded text avoids a second serialisation pass: the producer encodes the resource
 * once (see {@code OrderResources}) and the response writer copies the bytes.
 */
public record FhirJson(String json) {
  public FhirJson {
    Objects.requireNonNull(json, "json == null");
    if (!json.startsWith("{")) {
      throw new IllegalArgumentException("a FHIR resource must be a JSON object");
    }
  }

  @JsonValue
  @JsonRawValue
  public String json() {
    return json;
  }
}
