package org.ironcds.feedback;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.FeedbackItem;
import org.ironcds.cdsservice.IssuedCard;
import org.ironcds.cdsservice.IssuedCardLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of issued cards and of the feedback clinicians gave on them.
 *
 * <p>{@link #open} creates a connection pool and brings the schema up to date with the migrations
 * in {@code db/migration} ({@link SchemaMigrator}). Every write is one transaction that has
 * committed when the method returns. Storing the same feedback again changes nothing (see {@link
 * FeedbackKey}).
 * Feedback for a card this store never recorded is kept and reported as unattributed: with several
 * instances the feedback can reach the store before, or without, the record of its card.
 *
 * <p>What is stored holds no patient or practitioner identifiers, no FHIR resources, no card text
 * and no free-text comments; see {@code docs/feedback.md}.
 *
 * <p>Safe for concurrent use; share one instance and {@link #close} it at shutdown.
 */
public final class FeedbackStore implements IssuedCardLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeedbackStore.class);
  private static final int MAX_ATTEMPTS = 3;

  private static final String FEEDBACK_COLUMNS =
      "feedback_key, card_uuid, service_id, client_iss, client_tenant, outcome, outcome_at, received_at,"
          + " reason_system, reason_code, reason_display, commented";
  private static final String INSERT_ACCEPTED =
      "INSERT INTO feedback_suggestion (feedback_key, suggestion_uuid) VALUES (?, ?)";

  private final HikariDataSource pool;
  private final StorageOptions options;
  private final Clock clock;
  private final String insertFeedback;
  private final IssuedCardWriter cardWriter;

  private FeedbackStore(HikariDataSource pool, StorageOptions options, Clock clock) {
    this.pool = pool;
    this.options = options;
    this.clock = clock;
    Dialect dialect = Dialect.of(options.effectiveJdbcUrl());
    this.insertFeedback = dialect.insertIgnoringDuplicate("feedback", "feedback_key", "CHAR(64)", FEEDBACK_COLUMNS);
    this.cardWriter = new IssuedCardWriter(dialect);
  }

  /** Opens the store with the system clock. */
  public static FeedbackStore open(StorageOptions options) {
    return open(options, Clock.systemUTC());
  }

  /**
   * Opens the store: creates the data directory for the embedded database, starts the pool and
   * runs pending migrations.
   *
   * @throws FeedbackStoreException if the database cannot be reached or migrated
   */
  public static FeedbackStore open(StorageOptions options, Clock clock) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(clock, "clock == null");
    if (options.embedded()) {
      createDirectories(options);
    }
    HikariDataSource pool = connect(options);
    try {
      migrate(pool, Dialect.of(options.effectiveJdbcUrl()));
      return new FeedbackStore(pool, options, clock);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource connect(StorageOptions options) {
    try {
      return new HikariDataSource(poolConfig(options));
    } catch (RuntimeException e) {
      // The URL stays out of the message: it may carry a password.
      throw new FeedbackStoreException("cannot connect to the feedback database", e);
    }
  }

  private static HikariConfig poolConfig(StorageOptions options) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("feedback");
    config.setJdbcUrl(options.effectiveJdbcUrl());
    config.setUsername(options.user().orElse(options.embedded() ? "sa" : ""));
    config.setPassword(options.password().orElse(""));
    config.setMaximumPoolSize(options.poolSize());
    config.setMinimumIdle(Math.min(2, options.poolSize()));
    config.setAutoCommit(false);
    if (Dialect.of(options.effectiveJdbcUrl()) == Dialect.POSTGRESQL) {
      // One multi-row INSERT per JDBC batch instead of one statement per row: recording a batch of
      // issued cards then takes the server about a third less CPU, and the driver a quarter of it.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    // A PostgreSQL server may still be starting next to us; the embedded file either opens or not.
    config.setInitializationFailTimeout(Dialect.of(options.effectiveJdbcUrl()) == Dialect.H2 ? 1 : Duration.ofSeconds(10).toMillis());
    return config;
  }

  private static void createDirectories(StorageOptions options) {
    try {
      Files.createDirectories(options.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + options.dataDir(), e);
    }
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    try {
      SchemaMigrator.migrate(dataSource, dialect);
    } catch (FeedbackStoreException e) {
      throw e; // says which version and why
    } catch (SQLException | RuntimeException e) {
      throw new FeedbackStoreException("cannot bring the feedback schema up to date", e);
    }
  }

  /** The options this store was opened with. */
  public StorageOptions options() {
    return options;
  }

  /**
   * Records issued cards so feedback can be attributed to them. A card already recorded is left as
   * it is.
   *
   * <p>This never throws: a card must reach the clinician even when the feedback database is down.
   * A failure is logged (without any card content) and the cards stay unrecorded; feedback on them
   * will then count as unattributed.
   */
  @Override
  public void record(List<IssuedCard> cards) {
    if (cards.isEmpty()) {
      return;
    }
    Map<String, IssuedCardWriter.ReasonRow> reasons = cardWriter.newReasons(cards);
    try {
      inTransaction("record issued cards", connection -> {
        cardWriter.insert(connection, cards, reasons.values());
        return cards.size();
      });
      cardWriter.committed(reasons.keySet());
    } catch (FeedbackStoreException e) {
      log.warn("event=issued_cards_not_recorded cards={} error={}", cards.size(), e.getCause().getClass().getName());
    }
  }

  /**
   * Stores one batch of feedback posted to {@code serviceId} by {@code client}, in one transaction
   * that has committed when this returns. Items stored before are skipped.
   *
   * @return how many items were new
   * @throws FeedbackStoreException if the batch could not be committed; then none of it is stored
   */
  public int store(String serviceId, CdsClient client, List<FeedbackItem> items) {
    Objects.requireNonNull(serviceId, "serviceId == null");
    Objects.requireNonNull(client, "client == null");
    if (items.isEmpty()) {
      return 0;
    }
    Instant receivedAt = FeedbackKey.storedInstant(clock.instant());
    return inTransaction("store feedback", c -> insertFeedback(c, serviceId, client, items, receivedAt));
  }

  private Integer insertFeedback(
      Connection connection, String serviceId, CdsClient client, List<FeedbackItem> items, Instant receivedAt)
      throws SQLException {
    int inserted = 0;
    try (PreparedStatement feedback = connection.prepareStatement(insertFeedback);
        PreparedStatement accepted = connection.prepareStatement(INSERT_ACCEPTED)) {
      for (FeedbackItem item : items) {
        String key = FeedbackKey.of(serviceId, client, item);
        bindFeedback(feedback, key, serviceId, client, item, receivedAt);
        if (feedback.executeUpdate() == 1) {
          inserted++;
          for (UUID suggestion : item.acceptedSuggestions()) {
            accepted.setString(1, key);
            accepted.setObject(2, suggestion);
            accepted.addBatch();
          }
        }
      }
      accepted.executeBatch();
    }
    return inserted;
  }

  private static void bindFeedback(
      PreparedStatement statement, String key, String serviceId, CdsClient client, FeedbackItem item,
      Instant receivedAt) throws SQLException {
    statement.setString(1, key);
    statement.setObject(2, item.card());
    statement.setString(3, Columns.clip(serviceId, 128));
    statement.setString(4, Columns.clip(client.issuer(), 1024));
    statement.setString(5, Columns.clip(client.tenant().orElse(""), 256));
    statement.setString(6, item.outcome().code());
    statement.setObject(7, Columns.timestamp(FeedbackKey.storedInstant(item.outcomeTimestamp())));
    statement.setObject(8, Columns.timestamp(receivedAt));
    var reason = item.overrideReason().flatMap(r -> r.reason());
    Columns.setOptional(statement, 9, reason.map(Coding::system).map(s -> Columns.clip(s, 512)));
    Columns.setOptional(statement, 10, reason.map(Coding::code).map(s -> Columns.clip(s, 256)));
    Columns.setOptional(statement, 11, reason.flatMap(Coding::display).map(s -> Columns.clip(s, 512)));
    statement.setBoolean(12, item.overrideReason().map(r -> r.commented()).orElse(false));
  }

  /**
   * Deletes feedback received, and cards issued, before {@code cutoff}.
   *
   * @return how many feedback items and cards were deleted
   */
  public int pruneOlderThan(Instant cutoff) {
    OffsetDateTime before = Columns.timestamp(cutoff);
    return inTransaction("prune feedback", connection -> {
      int deleted = 0;
      try (PreparedStatement feedback = connection.prepareStatement("DELETE FROM feedback WHERE received_at < ?");
          PreparedStatement cards = connection.prepareStatement("DELETE FROM issued_card WHERE issued_at < ?")) {
        feedback.setObject(1, before);
        deleted += feedback.executeUpdate();
        cards.setObject(1, before);
        deleted += cards.executeUpdate();
      }
      return deleted;
    });
  }

  /**
   * Starts pruning, now and then every {@code every}, everything older than the configured
   * retention. Close the returned pruner to stop it.
   */
  public RetentionPruner startPruning(Duration every) {
    return RetentionPruner.start(this, options.retention(), every, clock);
  }

  /** The summary of issued cards and their feedback selected by {@code query}. */
  public FeedbackSummary summary(SummaryQuery query) {
    Objects.requireNonNull(query, "query == null");
    Instant now = clock.instant();
    return inTransaction("read the feedback summary", connection -> {
      // One snapshot for all the queries, so the figures agree with each other under concurrent writes.
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      return SummaryQueries.read(connection, query, now);
    });
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Work done inside one transaction. */
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction and commits it. Two concurrent first writes of the same key
   * can collide on the embedded database; the loser retries and then sees the winner's row.
   */
  private <T> T inTransaction(String what, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = pool.getConnection()) {
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      } catch (SQLException e) {
        if (!Columns.isDuplicateKey(e) || attempt == MAX_ATTEMPTS) {
          throw new FeedbackStoreException("could not " + what, e);
        }
      }
    }
  }
}
