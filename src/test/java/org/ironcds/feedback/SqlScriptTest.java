package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void statementsEndAtSemicolonsAndLoseTheirComments() {
    String script = """
        -- a table; with a comment
        CREATE TABLE a (id INT); /* block; comment */
        CREATE INDEX a_id ON a (id)
        ;
        INSERT INTO a VALUES (1)""";

    assertThat(SqlScript.statements(script))
        .containsExactly("CREATE TABLE a (id INT)", "CREATE INDEX a_id ON a (id)", "INSERT INTO a VALUES (1)");
  }

  @Test
  void quotedTextKeepsSemicolonsDashesAndDoubledQuotes() {
    String script = "INSERT INTO a VALUES ('x;y', 'it''s -- not a comment', '/* nor this */');"
        + " CREATE TABLE \"odd;name\" (id INT);";

    assertThat(SqlScript.statements(script)).containsExactly(
        "INSERT INTO a VALUES ('x;y', 'it''s -- not a comment', '/* nor this */')",
        "CREATE TABLE \"odd;name\" (id INT)");
  }

  @Test
  void aBlockCommentBetweenWordsStillSeparatesThem() {
    assertThat(SqlScript.statements("DROP/**/TABLE a;")).containsExactly("DROP TABLE a");
  }

  @Test
  void whatItCannotSplitSafelyIsRefusedWithItsLine() {
    assertThatThrownBy(() -> SqlScript.statements("SELECT 1;\nSELECT 'open"))
        .hasMessage("unterminated quote starting on line 2");
    assertThatThrownBy(() -> SqlScript.statements("SELECT 1; /* open"))
        .hasMessage("unterminated comment starting on line 1");
    assertThatThrownBy(() -> SqlScript.statements("\n\nCREATE FUNCTION f() RETURNS INT AS $$ SELECT 1; $$ LANGUAGE sql;"))
        .hasMessage("dollar quoting is not supported (line 3)");
  }

  @Test
  void theChecksumChangesWithTheTextButNotWithWindowsLineEnds() {
    String script = "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n";

    assertThat(SqlScript.checksum(script)).hasSize(64)
        .isEqualTo(SqlScript.checksum(script.replace("\n", "\r\n")))
        .isNotEqualTo(SqlScript.checksum(script.replace("b (", "c (")));
  }
}
