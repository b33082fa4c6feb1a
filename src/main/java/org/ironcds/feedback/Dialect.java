package org.ironcds.feedback;

/**
 * The SQL that differs between the embedded H2 database and PostgreSQL: inserts that skip rows
 * whose key already exists.
 */
enum Dialect {
  H2 {
    @Override
    String insertIgnoringDuplicate(String table, String key, String keyType, String columns) {
      String[] names = columns.split(",\\s*");
      StringBuilder values = new StringBuilder("s.k");
      for (int i = 1; i < names.length; i++) {
        values.append(", ?");
      }
      return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS " + keyType + "))) s(k) ON t." + key + " = s.k"
          + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + values + ")";
    }
  },
  POSTGRESQL {
    @Override
    String insertIgnoringDuplicate(String table, String key, String keyType, String columns) {
      String placeholders = "?" + ", ?".repeat(columns.split(",\\s*").length - 1);
      return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")"
          + " ON CONFLICT (" + key + ") DO NOTHING";
    }
  };

  /**
   * An insert of one row that does nothing when a row with the same key exists. {@code columns}
   * starts with the key column; parameters bind in the order of {@code columns}.
   */
  abstract String insertIgnoringDuplicate(String table, String key, String keyType, String columns);

  static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported JDBC URL; use jdbc:postgresql:… or leave it empty for the embedded database");
  }
}
