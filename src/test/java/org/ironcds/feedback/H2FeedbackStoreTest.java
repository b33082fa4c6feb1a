package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file database, in a temporary data directory. */
class H2FeedbackStoreTest extends FeedbackStoreContract {
  @TempDir Path dataDir;

  @Override
  StorageOptions freshDatabase() {
    return StorageOptions.defaults().withDataDir(dataDir.resolve("data")).withPoolSize(4);
  }

  @Override
  void dropDatabase() {}

  @Test
  void theEmbeddedDatabaseIsAFileInTheDataDirectory() {
    assertThat(Files.exists(dataDir.resolve("data").resolve("iron-cds.mv.db"))).isTrue();
    assertThat(store.options().effectiveJdbcUrl()).contains("WRITE_DELAY=0");
  }
}
