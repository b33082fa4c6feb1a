package org.ironcds.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table: a header row, a rule, then rows. Columns marked numeric are aligned
 * right. Control characters are replaced and over-long cells shortened, so a stored label cannot
 * break the layout or a terminal.
 */
final class TextTable {
  static final int MAX_CELL = 60;

  private final List<String> headers;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
    this.numeric = new boolean[headers.length];
  }

  /** Marks columns, by index, as numeric. */
  TextTable numeric(int... columns) {
    for (int column : columns) {
      numeric[column] = true;
    }
    return this;
  }

  TextTable row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(clean(String.valueOf(cell)));
    }
    rows.add(row);
    return this;
  }

  String render(String indent) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, indent, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, indent, rule, widths);
    rows.forEach(row -> line(out, indent, row, widths));
    return out.toString();
  }

  private void line(StringBuilder out, String indent, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder(indent);
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String pad = " ".repeat(widths[i] - cell.length());
      line.append(i == 0 ? "" : "  ").append(numeric[i] ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String clean(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", " ");
    return printable.length() <= MAX_CELL ? printable : printable.substring(0, MAX_CELL - 1) + "…";
  }
}
