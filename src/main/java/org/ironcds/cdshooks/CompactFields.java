package org.ironcds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one parsed JSON object, in insertion order, kept in two parallel arrays.
 *
 * <p>Why: a hook request holds over a thousand small objects (codings, references, quantities).
 * A {@link java.util.LinkedHashMap} spends a 40-byte entry per field plus a table; these arrays
 * spend 8 bytes per field, which takes about a third off the allocation of a whole parse. Look-ups
 * scan the arrays, which beats hashing for the few fields a FHIR element has; an object with more
 * than {@value #INDEXED_FROM} fields also gets a hash index, so a hostile request with a huge
 * object still parses in linear time.
 *
 * <p>Not thread-safe while being filled; the parsed trees are only read afterwards.
 */
final class CompactFields extends AbstractMap<String, JsonNode> {
  static final int INDEXED_FROM = 16;
  private static final int INITIAL_CAPACITY = 4;

  private String[] names = new String[INITIAL_CAPACITY];
  private JsonNode[] values = new JsonNode[INITIAL_CAPACITY];
  private int size;
  private int modifications;
  private Map<String, Integer> index;

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object name) {
    return find(name) >= 0;
  }

  @Override
  public JsonNode get(Object name) {
    int at = find(name);
    return at < 0 ? null : values[at];
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    Objects.requireNonNull(name, "name == null");
    int at = find(name);
    if (at >= 0) {
      JsonNode old = values[at];
      values[at] = value;
      return old;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
    modifications++;
    if (index != null) {
      index.put(name, size - 1);
    } else if (size > INDEXED_FROM) {
      rebuildIndex();
    }
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    int at = find(name);
    if (at < 0) {
      return null;
    }
    JsonNode old = values[at];
    removeAt(at);
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    modifications++;
    index = null;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return new Fields();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private int find(Object name) {
    if (index != null) {
      Integer at = index.get(name);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      // Jackson hands over canonical (interned) names, so identity usually decides.
      if (names[i] == name || names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private void removeAt(int at) {
    int after = size - at - 1;
    System.arraycopy(names, at + 1, names, at, after);
    System.arraycopy(values, at + 1, values, at, after);
    size--;
    names[size] = null;
    values[size] = null;
    modifications++;
    if (index != null) {
      rebuildIndex();
    }
  }

  private void rebuildIndex() {
    index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(names[i], i);
    }
  }

  /** Walks the fields in order; entries write through, and {@code remove} is supported. */
  private final class Fields implements Iterator<Map.Entry<String, JsonNode>> {
    private int next;
    private int last = -1;
    private int expected = modifications;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, JsonNode> next() {
      if (expected != modifications) {
        throw new ConcurrentModificationException();
      }
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new Field(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException("next() first");
      }
      if (expected != modifications) {
        throw new ConcurrentModificationException();
      }
      removeAt(last);
      next = last;
      last = -1;
      expected = modifications;
    }
  }

  private final class Field extends AbstractMap.SimpleEntry<String, JsonNode> {
    private static final long serialVersionUID = 1L;
    private final int at;

    Field(int at) {
      super(names[at], values[at]);
      this.at = at;
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      values[at] = value;
      return super.setValue(value);
    }
  }
}
