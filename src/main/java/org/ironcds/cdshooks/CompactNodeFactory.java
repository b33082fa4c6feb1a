package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;

/**
 * Builds JSON objects with room for a few fields instead of Jackson's default sixteen. A 50 KB
 * hook request holds over a thousand objects, most of them FHIR datatypes with two to four fields
 * (codings, references, quantities), so the default tables were most of the parse's allocation.
 */
final class CompactNodeFactory extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  /** Capacity 4 holds three fields before the map grows (load factor 0.75). */
  private static final int INITIAL_CAPACITY = 4;

  @Override
  public ObjectNode objectNode() {
    return new ObjectNode(this, new LinkedHashMap<>(INITIAL_CAPACITY));
  }
}
