package org.ironcds.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned script of the feedback schema, named {@code V<version>__<description>.sql} as
 * Flyway names them: earlier builds of the service migrated the schema with Flyway (see {@link
 * SchemaMigrator}).
 */
record SchemaMigration(int version, String description, String script) {
  /** The schema's scripts in {@code db/migration}, in order. A test checks the folder against it. */
  static final List<String> BUNDLED =
      List.of("V1__feedback.sql", "V2__override_reasons_per_rule.sql", "V3__suggestions_inline.sql");

  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__([A-Za-z0-9_]+)\\.sql");

  SchemaMigration {
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(script, "script == null");
    if (version < 1) {
      throw new IllegalArgumentException("version < 1: " + version);
    }
  }

  /** The bundled scripts, read from the class path. */
  static List<SchemaMigration> bundled() {
    return BUNDLED.stream().map(SchemaMigration::read).toList();
  }

  /** A migration from its file name and text. */
  static SchemaMigration of(String fileName, String script) {
    Matcher name = NAME.matcher(fileName);
    if (!name.matches()) {
      throw new IllegalArgumentException("not a migration script name (V<version>__<description>.sql): " + fileName);
    }
    return new SchemaMigration(Integer.parseInt(name.group(1)), name.group(2), script);
  }

  String checksum() {
    return SqlScript.checksum(script);
  }

  List<String> statements() {
    return SqlScript.statements(script);
  }

  private static SchemaMigration read(String fileName) {
    try (InputStream in = SchemaMigration.class.getResourceAsStream("/db/migration/" + fileName)) {
      if (in == null) {
        throw new IllegalStateException("missing from the class path: db/migration/" + fileName);
      }
      return of(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
