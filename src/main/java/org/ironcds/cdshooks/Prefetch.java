package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The prefetch object of a hook request, keeping the three cases the spec tells apart: a key that
 * is absent (the client did not fill it), a key whose value is {@code null} (the client has no
 * data), and a key holding a resource or Bundle (possibly an OperationOutcome, which means the
 * client tried and failed).
 */
public final class Prefetch {
  /** What the client said about one key. */
  public enum State {
    ABSENT,
    NO_DATA,
    OPERATION_OUTCOME,
    PRESENT
  }

  private static final Prefetch EMPTY = new Prefetch(Map.of());

  private final Map<String, JsonNode> values;

  private Prefetch(Map<String, JsonNode> values) {
    this.values = values;
  }

  /** Values as sent; a JSON {@code null} value is kept as a {@code NullNode}. */
  public static Prefetch of(Map<String, JsonNode> values) {
    return values.isEmpty() ? EMPTY : new Prefetch(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  public static Prefetch empty() {
    return EMPTY;
  }

  public State state(String key) {
    JsonNode value = values.get(key);
    if (value == null) {
      return State.ABSENT;
    }
    if (value.isNull()) {
      return State.NO_DATA;
    }
    if ("OperationOutcome".equals(value.path("resourceType").asText())) {
      return State.OPERATION_OUTCOME;
    }
    return State.PRESENT;
  }

  /** The value of a {@link State#PRESENT} key; a {@code MissingNode} for any other state. */
  public JsonNode value(String key) {
    return state(key) == State.PRESENT ? values.get(key) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public String toString() {
    return "Prefetch" + values.keySet();
  }
}
