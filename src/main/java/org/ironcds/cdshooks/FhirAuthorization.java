package org.ironcds.cdshooks;

import java.util.Objects;
import java.util.Optional;

/**
 * The bearer token the EHR lends for its FHIR server. Transient: it is used for the calls of one
 * request and never logged or stored; {@link #toString()} leaves it out on purpose.
 */
public record FhirAuthorization(
    String accessToken, String tokenType, long expiresIn, String scope, String subject, Optional<String> patient) {
  public FhirAuthorization {
    Coding.requireText(accessToken, "access_token");
    Objects.requireNonNull(tokenType, "token_type == null");
    Objects.requireNonNull(scope, "scope == null");
    Objects.requireNonNull(subject, "subject == null");
    Objects.requireNonNull(patient, "patient == null");
  }

  @Override
  public String toString() {
    return "FhirAuthorization[tokenType=" + tokenType + ", scope=" + scope + ", accessToken=<redacted>]";
  }
}
