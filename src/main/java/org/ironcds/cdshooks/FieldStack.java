package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * The fields read so far of the objects a parse is inside, innermost on top, so that each object's
 * {@link CompactFields} is made once its size is known, with an array of exactly that size.
 *
 * <p>Why: growing each object's array field by field left two or three discarded arrays per
 * object and unused slots in the rest, on over a thousand objects per request. One stack per
 * parse, reused by every object in it, grows only to the deepest chain of open objects.
 *
 * <p>An object opens with {@link #open()}, which returns its mark; fields are added with {@link
 * #add}; {@link #close(int)} takes them off the stack. Not thread-safe: one parse, one stack.
 */
final class FieldStack {
  private Object[] pairs = new Object[64];
  private int top;

  /** The mark of a new object: where its fields will start. */
  int open() {
    return top;
  }

  /** How many fields the object opened at {@code mark} has so far. */
  int count(int mark) {
    return (top - mark) / 2;
  }

  /**
   * Adds a field to the object opened at {@code mark}, which must be the innermost open one. A
   * name it already has gets the new value in place, as a repeated JSON field keeps its last value.
   */
  void add(int mark, String name, JsonNode value) {
    for (int at = mark; at < top; at += 2) {
      // Jackson hands over canonical names, so identity usually decides.
      if (pairs[at] == name || pairs[at].equals(name)) {
        pairs[at + 1] = value;
        return;
      }
    }
    if (top + 2 > pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[top++] = name;
    pairs[top++] = value;
  }

  /** Takes the object opened at {@code mark} off the stack and returns its fields. */
  CompactFields close(int mark) {
    CompactFields fields = CompactFields.of(pairs, mark, count(mark));
    release(mark);
    return fields;
  }

  /** Takes the object's fields off without building them (it is being built another way). */
  void release(int mark) {
    Arrays.fill(pairs, mark, top, null); // no stale references to finished parts of the tree
    top = mark;
  }

  /** Puts the object's fields so far into {@code fields}, in order, and takes them off the stack. */
  void moveTo(int mark, CompactFields fields) {
    for (int at = mark; at < top; at += 2) {
      fields.put((String) pairs[at], (JsonNode) pairs[at + 1]);
    }
    release(mark);
  }
}
