package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {
  @Test
  void theBundledListIsEveryScriptInTheFolderInVersionOrder() throws IOException {
    List<String> folder;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      folder = files.map(file -> file.getFileName().toString()).sorted().toList();
    }

    assertThat(SchemaMigration.BUNDLED).containsExactlyInAnyOrderElementsOf(folder);
    assertThat(SchemaMigration.bundled()).extracting(SchemaMigration::version)
        .containsExactly(1, 2, 3).isSorted();
  }

  @Test
  void everyBundledScriptSplitsIntoStatementsWithoutComments() {
    for (SchemaMigration migration : SchemaMigration.bundled()) {
      assertThat(migration.statements()).isNotEmpty()
          .allSatisfy(statement -> assertThat(statement).doesNotContain("--").doesNotEndWith(";"));
    }
    // V1: five tables and six indexes.
    assertThat(SchemaMigration.bundled().get(0).statements()).hasSize(11);
  }

  @Test
  void theFileNameGivesVersionAndDescription() {
    SchemaMigration migration = SchemaMigration.of("V12__add_things.sql", "SELECT 1;");

    assertThat(migration.version()).isEqualTo(12);
    assertThat(migration.description()).isEqualTo("add_things");
    assertThatThrownBy(() -> SchemaMigration.of("V1_missing_underscore.sql", ""))
        .hasMessageContaining("not a migration script name");
    assertThatThrownBy(() -> SchemaMigration.of("V0__zero.sql", "")).hasMessageContaining("not a migration script name");
  }
}
