package org.ironcds.knowledge;

/**
 * Invalid knowledge data. Thrown at start-up only; the message names the file and the entry, e.g.
 * {@code settings.json: antiresorptives.denosumab.effectWindow: 'P7X' is not an ISO-8601 period}.
 */
public final class KnowledgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KnowledgeException(String message) {
    super(message);
  }

  public KnowledgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
