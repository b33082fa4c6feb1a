package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds JSON objects on {@link CompactFields} instead of Jackson's default {@code LinkedHashMap}.
 * A 50 KB hook request holds over a thousand objects, most of them FHIR datatypes with two to four
 * fields (codings, references, quantities), so the maps were most of the parse's allocation.
 */
final class CompactNodeFactory extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new CompactFields());
  }
}
