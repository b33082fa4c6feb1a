package org.ironcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The array-backed field map behaves as the LinkedHashMap it replaces, small or large. */
class CompactFieldsTest {
  @ParameterizedTest(name = "{0} fields")
  @ValueSource(ints = {0, 1, 4, 5, CompactFields.INDEXED_FROM, CompactFields.INDEXED_FROM + 1, 500})
  void behavesAsALinkedHashMap(int count) {
    CompactFields fields = new CompactFields();
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      assertThat(fields.put("f" + i, IntNode.valueOf(i))).isNull();
      expected.put("f" + i, IntNode.valueOf(i));
    }
    // Replacing keeps the field where it was; new String instances still find it.
    for (int i = 0; i < count; i += 3) {
      assertThat(fields.put(new String("f" + i), IntNode.valueOf(-i))).isEqualTo(IntNode.valueOf(i));
      expected.put("f" + i, IntNode.valueOf(-i));
    }
    for (int i = 1; i < count; i += 4) {
      assertThat(fields.remove("f" + i)).isEqualTo(expected.remove("f" + i));
    }
    assertThat(fields.remove("absent")).isNull();
    assertThat(fields.get("absent")).isNull();
    assertThat(fields).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(fields.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String name : expected.keySet()) {
      assertThat(fields.get(new String(name))).isEqualTo(expected.get(name));
      assertThat(fields.containsKey(name)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0} fields")
  @ValueSource(ints = {0, 1, 3, CompactFields.INDEXED_FROM})
  void aMapMadeOfAParsersFieldsHoldsExactlyThemAndStillGrows(int count) {
    Object[] pairs = new Object[2 * count + 4];
    pairs[0] = "before";
    pairs[1] = IntNode.valueOf(-1);
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      pairs[2 + 2 * i] = "f" + i;
      pairs[3 + 2 * i] = IntNode.valueOf(i);
      expected.put("f" + i, IntNode.valueOf(i));
    }
    CompactFields fields = CompactFields.of(pairs, 2, count);
    assertThat(fields).isEqualTo(expected);
    assertThat(fields.keySet()).containsExactlyElementsOf(expected.keySet());

    pairs[2] = "overwritten"; // the map holds its own copy
    for (int i = count; i < count + 20; i++) {
      fields.put("f" + i, IntNode.valueOf(i));
      expected.put("f" + i, IntNode.valueOf(i));
    }
    assertThat(fields).isEqualTo(expected);
    assertThat(fields.get("f" + (count + 19))).isEqualTo(IntNode.valueOf(count + 19));
  }

  @Test
  void aParserHandsOverAtMostTheUnindexedNumberOfFields() {
    Object[] pairs = new Object[2 * (CompactFields.INDEXED_FROM + 1)];
    assertThatThrownBy(() -> CompactFields.of(pairs, 0, CompactFields.INDEXED_FROM + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void iteratorRemovesAndEntriesWriteThrough() {
    CompactFields fields = new CompactFields();
    for (int i = 0; i < 6; i++) {
      fields.put("f" + i, IntNode.valueOf(i));
    }
    Iterator<Map.Entry<String, JsonNode>> it = fields.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().intValue() % 2 == 0) {
        it.remove();
      } else {
        field.setValue(IntNode.valueOf(field.getValue().intValue() * 10));
      }
    }
    assertThat(fields).containsExactly(
        Map.entry("f1", IntNode.valueOf(10)), Map.entry("f3", IntNode.valueOf(30)), Map.entry("f5", IntNode.valueOf(50)));
  }

  @Test
  void iteratorFailsFastWhenTheMapChangesUnderIt() {
    CompactFields fields = new CompactFields();
    fields.put("a", IntNode.valueOf(1));
    fields.put("b", IntNode.valueOf(2));
    Iterator<Map.Entry<String, JsonNode>> it = fields.entrySet().iterator();
    it.next();
    fields.put("c", IntNode.valueOf(3));
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void clearEmptiesAndTheMapIsReusable() {
    CompactFields fields = new CompactFields();
    for (int i = 0; i < 40; i++) {
      fields.put("f" + i, IntNode.valueOf(i));
    }
    fields.clear();
    assertThat(fields).isEmpty();
    fields.put("f3", IntNode.valueOf(3));
    assertThat(fields).containsExactly(Map.entry("f3", IntNode.valueOf(3)));
  }
}
