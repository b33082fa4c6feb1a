package org.ironcds.feedback;

/** The feedback database could not be reached or refused a statement; nothing was committed. */
public final class FeedbackStoreException extends RuntimeException {
  public FeedbackStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
