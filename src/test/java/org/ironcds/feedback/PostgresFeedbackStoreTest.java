package org.ironcds.feedback;

import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server, one new schema per test. See {@link
 * PostgresTestDatabase} for when the server is required and when its absence skips these tests.
 */
class PostgresFeedbackStoreTest extends FeedbackStoreContract {
  private PostgresTestDatabase database;

  @BeforeAll
  static void requireServer() {
    PostgresTestDatabase.assumeReachable();
  }

  @Override
  StorageOptions freshDatabase() throws Exception {
    database = PostgresTestDatabase.create();
    return database.options();
  }

  @Override
  void dropDatabase() throws Exception {
    database.drop();
  }
}
