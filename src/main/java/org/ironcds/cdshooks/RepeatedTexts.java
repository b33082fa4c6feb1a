package org.ironcds.cdshooks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * The short text values already read from one document, so a value that repeats across resources
 * becomes one node instead of a new node and string each time.
 *
 * <p>Why: a prefetched history repeats most of its strings (code systems, units, statuses,
 * resource types, a lab's display text for each of its sixty results), and those copies were a
 * third of a parse's allocation. The table lives for one parse only, so no patient data outlives
 * the request, and a text that collides simply replaces the older one. Text nodes are immutable,
 * so sharing one between places in a tree is safe.
 */
final class RepeatedTexts {
  private static final int SLOTS = 256;
  /** Longer texts (narrative, notes) rarely repeat; they are not worth hashing. */
  private static final int LONGEST = 96;

  private final JsonNodeFactory nodes;
  private final TextNode[] slots = new TextNode[SLOTS];

  RepeatedTexts(JsonNodeFactory nodes) {
    this.nodes = nodes;
  }

  /** The node for the parser's current string token, shared with an earlier equal one if any. */
  TextNode node(JsonParser parser) throws IOException {
    int length = parser.getTextLength();
    if (length > LONGEST) {
      return nodes.textNode(parser.getText());
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    TextNode seen = slots[slot];
    if (seen != null && sameText(seen.textValue(), chars, offset, length)) {
      return seen;
    }
    TextNode node = nodes.textNode(new String(chars, offset, length));
    slots[slot] = node;
    return node;
  }

  private static boolean sameText(String text, char[] chars, int offset, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
