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
 * The fields of one parsed JSON object, in insertion order, kept in one array of names and values
 * in turn.
 *
 * <p>Why: a hook request holds over a thousand small objects (codings, references, quantities).
 * A {@link java.util.LinkedHashMap} spends a 40-byte entry per field plus a table; this array
 * spends 8 bytes per field. The parser hands over each object's fields at once ({@link #of}), so
 * the array has exactly their size and is never grown. Look-ups scan the array, which beats
 * hashing for the few fields a FHIR element has; an object with more than {@value #INDEXED_FROM}
 * fields also gets a hash index, so a hostile request with a huge object still parses in linear
 * time.
 *
 * <p>Not thread-safe while being filled; the parsed trees are only read afterwards.
 */
final class CompactFields extends AbstractMap<String, JsonNode> {
  static final int INDEXED_FROM = 16;
  private static final Object[] NONE = {};

  /** Field {@code i}'s name at {@code 2i}, its value at {@code 2i + 1}. */
  private Object[] fields;
  private int size;
  private int modifications;
  private Map<String, Integer> index;

  /** An empty map; it grows as fields are put. */
  CompactFields() {
    this.fields = NONE;
  }

  private CompactFields(Object[] fields, int size) {
    this.fields = fields;
    this.size = size;
  }

  /**
   * The {@code count} fields stored as name, value, name, value... in {@code pairs} from {@code
   * from}, in an array of exactly their size. The names must be distinct and at most {@value
   * #INDEXED_FROM}; larger objects are built with {@link #put}, which indexes them.
   */
  static CompactFields of(Object[] pairs, int from, int count) {
    if (count > INDEXED_FROM) {
      throw new IllegalArgumentException("more than " + INDEXED_FROM + " fields: " + count);
    }
    return new CompactFields(Arrays.copyOfRange(pairs, from, from + 2 * count), count);
  }

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
    return at < 0 ? null : value(at);
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    Objects.requireNonNull(name, "name == null");
    int at = find(name);
    if (at >= 0) {
      JsonNode old = value(at);
      fields[2 * at + 1] = value;
      return old;
    }
    if (2 * size == fields.length) {
      fields = Arrays.copyOf(fields, Math.max(8, fields.length * 2));
    }
    fields[2 * size] = name;
    fields[2 * size + 1] = value;
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
    JsonNode old = value(at);
    removeAt(at);
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(fields, 0, 2 * size, null);
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
      Object field = fields[2 * i];
      if (field == name || field.equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private String name(int at) {
    return (String) fields[2 * at];
  }

  private JsonNode value(int at) {
    return (JsonNode) fields[2 * at + 1];
  }

  private void removeAt(int at) {
    System.arraycopy(fields, 2 * at + 2, fields, 2 * at, 2 * (size - at - 1));
    size--;
    fields[2 * size] = null;
    fields[2 * size + 1] = null;
    modifications++;
    if (index != null) {
      rebuildIndex();
    }
  }

  private void rebuildIndex() {
    index = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      index.put(name(i), i);
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
      super(name(at), value(at));
      this.at = at;
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      fields[2 * at + 1] = value;
      return super.setValue(value);
    }
  }
}
