package org.ironcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects read inside each other keep their own fields, and a repeated name keeps its last value. */
class FieldStackTest {
  @Test
  void anInnerObjectClosesWithItsOwnFieldsAndLeavesTheOuterOnesAsTheyWere() {
    FieldStack stack = new FieldStack();
    int outer = stack.open();
    stack.add(outer, "a", IntNode.valueOf(1));
    int inner = stack.open();
    stack.add(inner, "a", IntNode.valueOf(10));
    stack.add(inner, "b", IntNode.valueOf(20));
    stack.add(inner, "a", IntNode.valueOf(11));

    assertThat(stack.count(inner)).isEqualTo(2);
    assertThat(stack.close(inner)).containsExactly(Map.entry("a", IntNode.valueOf(11)), Map.entry("b", IntNode.valueOf(20)));
    stack.add(outer, new String("a"), IntNode.valueOf(2));
    stack.add(outer, "c", IntNode.valueOf(3));
    assertThat(stack.close(outer)).containsExactly(Map.entry("a", IntNode.valueOf(2)), Map.entry("c", IntNode.valueOf(3)));
    assertThat(stack.open()).as("everything taken off").isZero();
  }

  @Test
  void growsPastItsFirstArrayForDeepChainsOfObjects() {
    FieldStack stack = new FieldStack();
    int[] marks = new int[100];
    for (int depth = 0; depth < marks.length; depth++) {
      marks[depth] = stack.open();
      stack.add(marks[depth], "depth", IntNode.valueOf(depth));
    }
    for (int depth = marks.length - 1; depth >= 0; depth--) {
      assertThat(stack.close(marks[depth]).get("depth")).isEqualTo(IntNode.valueOf(depth));
    }
  }

  @Test
  void movedFieldsKeepTheirOrderAndLeaveTheStack() {
    FieldStack stack = new FieldStack();
    int mark = stack.open();
    stack.add(mark, "x", IntNode.valueOf(1));
    stack.add(mark, "y", IntNode.valueOf(2));
    CompactFields fields = new CompactFields();
    stack.moveTo(mark, fields);
    assertThat(fields.keySet()).containsExactly("x", "y");
    assertThat(stack.open()).isEqualTo(mark);
  }
}
