package org.ironcds.cdshooks;

/**
 * The client sent something this service cannot accept. The message says what is wrong in words a
 * developer at the EHR can act on; it never quotes patient data.
 */
public final class InvalidRequestException extends RuntimeException {
  private final String location;

  public InvalidRequestException(String location, String message) {
    super(message);
    this.location = location;
  }

  /** Where in the body the problem is, as a dotted path such as {@code context.patientId}. */
  public String location() {
    return location;
  }
}
