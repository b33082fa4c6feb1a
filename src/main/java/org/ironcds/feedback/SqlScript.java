package org.ironcds.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The statements of a migration script, and its checksum.
 *
 * <p>Statements end at a semicolon outside quotes and comments. Line ({@code --}) and block
 * comments are dropped; single-quoted strings and double-quoted names are kept as written,
 * semicolons and dashes inside them included. Dollar quoting (PostgreSQL function bodies) and
 * backslash escapes are not understood, so a script with a {@code $} outside quotes is refused
 * rather than split wrongly: the scripts are written for H2 and PostgreSQL alike and need neither.
 */
final class SqlScript {
  private SqlScript() {}

  /** The script's statements in order, trimmed, without their semicolons and comments. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '-' && script.startsWith("--", i)) {
        i = lineEnd(script, i);
      } else if (c == '/' && script.startsWith("/*", i)) {
        i = blockCommentEnd(script, i);
        current.append(' ');
      } else if (c == '\'' || c == '"') {
        int end = quoteEnd(script, i);
        current.append(script, i, end);
        i = end;
      } else if (c == '$') {
        throw new IllegalArgumentException("dollar quoting is not supported (line " + line(script, i) + ")");
      } else if (c == ';') {
        add(statements, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return List.copyOf(statements);
  }

  /**
   * SHA-256 of the script as hex, with CRLF line ends read as LF so that a checkout on Windows
   * does not count as an edit.
   */
  static String checksum(String script) {
    try {
      byte[] text = script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }

  private static int lineEnd(String script, int from) {
    int end = script.indexOf('\n', from);
    return end < 0 ? script.length() : end;
  }

  private static int blockCommentEnd(String script, int from) {
    int end = script.indexOf("*/", from + 2);
    if (end < 0) {
      throw new IllegalArgumentException("unterminated comment starting on line " + line(script, from));
    }
    return end + 2;
  }

  /** The index just past the quote that closes the one at {@code from}; a doubled quote is text. */
  private static int quoteEnd(String script, int from) {
    char quote = script.charAt(from);
    int i = from + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated quote starting on line " + line(script, from));
  }

  private static int line(String script, int index) {
    return (int) script.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }
}
