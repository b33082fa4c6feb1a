package org.ironcds.prefetch;

import java.util.List;

/**
 * Data the service requires could be had neither from the request's prefetch nor from the EHR's
 * FHIR server. Answered with HTTP 412, as the spec requires, naming the missing prefetch keys.
 */
public final class MissingDataException extends RuntimeException {
  private final List<String> missingKeys;

  public MissingDataException(List<String> missingKeys, String message) {
    super(message);
    this.missingKeys = List.copyOf(missingKeys);
  }

  public List<String> missingKeys() {
    return missingKeys;
  }
}
