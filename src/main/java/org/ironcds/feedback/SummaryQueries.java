package org.ironcds.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ironcds.feedback.FeedbackSummary.ReasonCount;
import org.ironcds.feedback.FeedbackSummary.RuleSummary;
import org.ironcds.feedback.FeedbackSummary.SuggestionCount;
import org.ironcds.feedback.FeedbackSummary.Unattributed;

/** The aggregate queries behind {@link FeedbackStore#summary}, in SQL both databases understand. */
final class SummaryQueries {
  /** Feedback belongs to a card when the card uuid and the client that received it match. */
  private static final String MATCH =
      "f.card_uuid = c.card_uuid AND f.client_iss = c.client_iss AND f.client_tenant = c.client_tenant";

  private static final String ISSUED =
      "SELECT c.service_id, c.rule_id, COUNT(*) FROM issued_card c WHERE %s GROUP BY c.service_id, c.rule_id";
  private static final String OUTCOMES =
      "SELECT c.service_id, c.rule_id, f.outcome, COUNT(DISTINCT c.card_uuid),"
          + " COUNT(DISTINCT CASE WHEN f.commented THEN c.card_uuid END),"
          + " COUNT(DISTINCT CASE WHEN f.reason_code IS NULL THEN c.card_uuid END)"
          + " FROM issued_card c JOIN feedback f ON " + MATCH
          + " WHERE %s GROUP BY c.service_id, c.rule_id, f.outcome";
  /** Label lists repeat from card to card, so grouping by them leaves few rows to split here. */
  private static final String OFFERED =
      "SELECT c.service_id, c.rule_id, c.suggestion_labels, COUNT(*) FROM issued_card c"
          + " WHERE %s GROUP BY c.service_id, c.rule_id, c.suggestion_labels";
  /** One row per accepted suggestion; its label is looked up in the card's inline suggestions. */
  private static final String ACCEPTED_SUGGESTIONS =
      "SELECT c.service_id, c.rule_id, c.card_uuid, c.suggestion_uuids, c.suggestion_labels, fs.suggestion_uuid"
          + " FROM issued_card c JOIN feedback f ON " + MATCH
          + " JOIN feedback_suggestion fs ON fs.feedback_key = f.feedback_key"
          + " WHERE f.outcome = 'accepted' AND %s";
  private static final String REASONS =
      "SELECT c.service_id, c.rule_id, f.reason_system, f.reason_code,"
          + " MAX(COALESCE(r.display, f.reason_display)), COUNT(DISTINCT c.card_uuid)"
          + " FROM issued_card c JOIN feedback f ON " + MATCH
          + " LEFT JOIN rule_override_reason r ON r.service_id = c.service_id AND r.rule_id = c.rule_id"
          + " AND r.code_system = f.reason_system AND r.code = f.reason_code"
          + " WHERE f.outcome = 'overridden' AND f.reason_code IS NOT NULL AND %s"
          + " GROUP BY c.service_id, c.rule_id, f.reason_system, f.reason_code";
  private static final String UNATTRIBUTED =
      "SELECT f.service_id, f.outcome, COUNT(DISTINCT f.card_uuid) FROM feedback f"
          + " WHERE NOT EXISTS (SELECT 1 FROM issued_card c WHERE " + MATCH + ") AND %s"
          + " GROUP BY f.service_id, f.outcome";

  private SummaryQueries() {}

  static FeedbackSummary read(Connection connection, SummaryQuery query, Instant now) throws SQLException {
    Filter cards = Filter.of(query, "c.issued_at", "c.service_id");
    Map<String, Tally> tallies = new TreeMap<>();
    try (ResultSet rows = cards.execute(connection, ISSUED)) {
      while (rows.next()) {
        tally(tallies, rows).issued = rows.getLong(3);
      }
    }
    try (ResultSet rows = cards.execute(connection, OUTCOMES)) {
      while (rows.next()) {
        Tally tally = tally(tallies, rows);
        if ("accepted".equals(rows.getString(3))) {
          tally.accepted = rows.getLong(4);
        } else {
          tally.overridden = rows.getLong(4);
          tally.withComment = rows.getLong(5);
          tally.withoutReason = rows.getLong(6);
        }
      }
    }
    try (ResultSet rows = cards.execute(connection, OFFERED)) {
      while (rows.next()) {
        Tally tally = tally(tallies, rows);
        for (String label : InlineSuggestions.labels(rows.getString(3))) {
          tally.offered.merge(label, rows.getLong(4), Long::sum);
        }
      }
    }
    try (ResultSet rows = cards.execute(connection, ACCEPTED_SUGGESTIONS)) {
      while (rows.next()) {
        Tally tally = tally(tallies, rows);
        UUID card = rows.getObject(3, UUID.class);
        UUID suggestion = rows.getObject(6, UUID.class);
        new InlineSuggestions(rows.getString(4), rows.getString(5)).labelOf(suggestion).ifPresent(label ->
            tally.acceptedOn.computeIfAbsent(label, l -> new HashSet<>()).add(card + "/" + suggestion));
      }
    }
    try (ResultSet rows = cards.execute(connection, REASONS)) {
      while (rows.next()) {
        tally(tallies, rows).reasons.add(new ReasonCount(
            rows.getString(3), rows.getString(4), Optional.ofNullable(rows.getString(5)), rows.getLong(6)));
      }
    }
    List<RuleSummary> rules = tallies.values().stream().map(Tally::toSummary).toList();
    return new FeedbackSummary(query, now, rules, unattributed(connection, query));
  }

  private static List<Unattributed> unattributed(Connection connection, SummaryQuery query) throws SQLException {
    Map<String, long[]> byService = new TreeMap<>();
    try (ResultSet rows = Filter.of(query, "f.outcome_at", "f.service_id").execute(connection, UNATTRIBUTED)) {
      while (rows.next()) {
        long[] counts = byService.computeIfAbsent(rows.getString(1), id -> new long[2]);
        counts["accepted".equals(rows.getString(2)) ? 0 : 1] = rows.getLong(3);
      }
    }
    List<Unattributed> result = new ArrayList<>();
    byService.forEach((service, counts) -> result.add(new Unattributed(service, counts[0], counts[1])));
    return result;
  }

  private static Tally tally(Map<String, Tally> tallies, ResultSet row) throws SQLException {
    String service = row.getString(1);
    String rule = row.getString(2);
    return tallies.computeIfAbsent(service + '\u0000' + rule, key -> new Tally(service, rule));
  }

  /** The running figures of one service and rule while the queries are read. */
  private static final class Tally {
    final String serviceId;
    final String ruleId;
    long issued;
    long accepted;
    long overridden;
    long withComment;
    long withoutReason;
    final Map<String, Long> offered = new TreeMap<>();
    /** Per label, the card and suggestion uuid pairs accepted: a card counts once however often it was accepted. */
    final Map<String, Set<String>> acceptedOn = new HashMap<>();
    final List<ReasonCount> reasons = new ArrayList<>();

    Tally(String serviceId, String ruleId) {
      this.serviceId = serviceId;
      this.ruleId = ruleId;
    }

    RuleSummary toSummary() {
      List<SuggestionCount> suggestions = offered.entrySet().stream()
          .map(e -> new SuggestionCount(e.getKey(), e.getValue(), (long) acceptedOn.getOrDefault(e.getKey(), Set.of()).size()))
          .toList();
      List<ReasonCount> sortedReasons = reasons.stream()
          .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.code().compareTo(b.code()))
          .toList();
      return new RuleSummary(serviceId, ruleId, issued, accepted, overridden, RuleSummary.rate(accepted, issued),
          withComment, withoutReason, suggestions, sortedReasons);
    }
  }

  /** The WHERE clause for a query's time bounds and service, with its parameters. */
  private record Filter(String sql, List<Object> parameters) {
    static Filter of(SummaryQuery query, String timeColumn, String serviceColumn) {
      List<String> conditions = new ArrayList<>(List.of("1 = 1"));
      List<Object> parameters = new ArrayList<>();
      query.since().ifPresent(since -> {
        conditions.add(timeColumn + " >= ?");
        parameters.add(Columns.timestamp(since));
      });
      query.until().ifPresent(until -> {
        conditions.add(timeColumn + " < ?");
        parameters.add(Columns.timestamp(until));
      });
      query.serviceId().ifPresent(service -> {
        conditions.add(serviceColumn + " = ?");
        parameters.add(service);
      });
      return new Filter(String.join(" AND ", conditions), parameters);
    }

    /** Runs {@code template} with this filter in its {@code %s}; the statement closes with the rows. */
    ResultSet execute(Connection connection, String template) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(String.format(template, sql));
      try {
        for (int i = 0; i < parameters.size(); i++) {
          statement.setObject(i + 1, parameters.get(i));
        }
        statement.closeOnCompletion();
        return statement.executeQuery();
      } catch (SQLException e) {
        statement.close();
        throw e;
      }
    }
  }
}
