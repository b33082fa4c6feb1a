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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.FeedbackItem;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdsservice.IssuedCard;
import org.ironcds.cdsservice.IssuedCardLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of issued cards and of the feedback clinicians gave on them.
 *
 * <p>{@link #open} creates a connection pool and brings the schema up to date with the Flyway
 * migrations in {@code db/migration}. Every write is one transaction that has committed when the
 * method returns. Storing the same feedback again changes nothing (see {@link FeedbackKey}).
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

  private static final String CARD_COLUMNS =
      "card_uuid, service_id, rule_id, indicator, hook_instance, issued_at, client_iss, client_tenant";
  private static final String FEEDBACK_COLUMNS =
      "feedback_key, card_uuid, service_id, client_iss, client_tenant, outcome, outcome_at, received_at,"
          + " reason_system, reason_code, reason_display, commented";
  private static final String INSERT_SUGGESTION =
      "INSERT INTO issued_suggestion (card_uuid, suggestion_uuid, label) VALUES (?, ?, ?)";
  private static final String REASON_COLUMNS = "reason_key, service_id, rule_id, code_system, code, display";
  private static final String INSERT_ACCEPTED =
      "INSERT INTO feedback_suggestion (feedback_key, suggestion_uuid) VALUES (?, ?)";

  private final HikariDataSource pool;
  private final StorageOptions options;
  private final Clock clock;
  private final String insertCard;
  private final String insertFeedback;
  private final String insertReason;
  /** Override reasons this process has already stored; they repeat on every card of a rule. */
  private final Set<String> storedReasons = ConcurrentHashMap.newKeySet();

  private FeedbackStore(HikariDataSource pool, StorageOptions options, Clock clock) {
    this.pool = pool;
    this.options = options;
    this.clock = clock;
    Dialect dialect = Dialect.of(options.effectiveJdbcUrl());
    this.insertCard = dialect.insertIgnoringDuplicate("issued_card", "card_uuid", "UUID", CARD_COLUMNS);
    this.insertFeedback = dialect.insertIgnoringDuplicate("feedback", "feedback_key", "CHAR(64)", FEEDBACK_COLUMNS);
    this.insertReason =
        dialect.insertIgnoringDuplicate("rule_override_reason", "reason_key", "VARCHAR(1100)", REASON_COLUMNS);
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
      migrate(pool);
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

  private static void migrate(DataSource dataSource) {
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
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
    Map<String, ReasonRow> reasons = newReasons(cards);
    try {
      inTransaction("record issued cards", connection -> insertCards(connection, cards, reasons.values()));
      storedReasons.addAll(reasons.keySet());
    } catch (FeedbackStoreException e) {
      log.warn("event=issued_cards_not_recorded cards={} error={}", cards.size(), e.getCause().getClass().getName());
    }
  }

  /** One override reason of one rule, keyed as the V2 migration keys it. */
  private record ReasonRow(String key, String serviceId, String ruleId, String system, String code, String display) {
    static ReasonRow of(IssuedCard issued, Coding reason) {
      String serviceId = Columns.clip(issued.serviceId(), 128);
      String ruleId = Columns.clip(issued.ruleId(), 128);
      String system = Columns.clip(reason.system(), 512);
      String code = Columns.clip(reason.code(), 256);
      return new ReasonRow(serviceId + "|" + ruleId + "|" + system + "|" + code, serviceId, ruleId, system, code,
          Columns.clip(reason.display().orElse(reason.code()), 512));
    }
  }

  private Map<String, ReasonRow> newReasons(List<IssuedCard> cards) {
    Map<String, ReasonRow> reasons = new LinkedHashMap<>();
    for (IssuedCard issued : cards) {
      for (Coding reason : issued.card().overrideReasons()) {
        ReasonRow row = ReasonRow.of(issued, reason);
        if (!storedReasons.contains(row.key())) {
          reasons.putIfAbsent(row.key(), row);
        }
      }
    }
    return reasons;
  }

  private Integer insertCards(Connection connection, List<IssuedCard> cards, Collection<ReasonRow> reasons)
      throws SQLException {
    int inserted = 0;
    try (PreparedStatement card = connection.prepareStatement(insertCard);
        PreparedStatement suggestion = connection.prepareStatement(INSERT_SUGGESTION);
        PreparedStatement reason = connection.prepareStatement(insertReason)) {
      for (IssuedCard issued : cards) {
        bindCard(card, issued);
        if (card.executeUpdate() == 1) {
          inserted++;
          addSuggestions(suggestion, issued.card());
        }
      }
      suggestion.executeBatch();
      for (ReasonRow row : reasons) {
        reason.setString(1, row.key());
        reason.setString(2, row.serviceId());
        reason.setString(3, row.ruleId());
        reason.setString(4, row.system());
        reason.setString(5, row.code());
        reason.setString(6, row.display());
        reason.addBatch();
      }
      reason.executeBatch();
    }
    return inserted;
  }

  private static void bindCard(PreparedStatement statement, IssuedCard issued) throws SQLException {
    statement.setObject(1, issued.card().uuid());
    statement.setString(2, Columns.clip(issued.serviceId(), 128));
    statement.setString(3, Columns.clip(issued.ruleId(), 128));
    statement.setString(4, issued.card().indicator().code());
    statement.setString(5, Columns.clip(issued.hookInstance(), 128));
    statement.setObject(6, Columns.timestamp(issued.issuedAt()));
    statement.setString(7, Columns.clip(issued.client().issuer(), 1024));
    statement.setString(8, Columns.clip(issued.client().tenant().orElse(""), 256));
  }

  private static void addSuggestions(PreparedStatement suggestion, Card card) throws SQLException {
    for (Suggestion s : card.suggestions()) {
      suggestion.setObject(1, card.uuid());
      suggestion.setObject(2, s.uuid());
      suggestion.setString(3, Columns.clip(s.label(), 512));
      suggestion.addBatch();
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
