package org.ironcds.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdsservice.IssuedCard;

/**
 * The inserts that record issued cards: one {@code issued_card} row per card, its suggestions
 * inline ({@link InlineSuggestions}), all cards of a call in one JDBC batch; and each rule's override
 * reasons once per rule (schema V2), skipping those this process has already stored. A card or
 * reason already in the database is left as it is.
 *
 * <p>Safe for concurrent use.
 */
final class IssuedCardWriter {
  private static final String CARD_COLUMNS = "card_uuid, service_id, rule_id, indicator, hook_instance, issued_at,"
      + " client_iss, client_tenant, suggestion_uuids, suggestion_labels";
  private static final String REASON_COLUMNS = "reason_key, service_id, rule_id, code_system, code, display";

  private final String insertCard;
  private final String insertReason;
  /** Override reasons this process has already stored; they repeat on every card of a rule. */
  private final Set<String> storedReasons = ConcurrentHashMap.newKeySet();

  IssuedCardWriter(Dialect dialect) {
    this.insertCard = dialect.insertIgnoringDuplicate("issued_card", "card_uuid", "UUID", CARD_COLUMNS);
    this.insertReason =
        dialect.insertIgnoringDuplicate("rule_override_reason", "reason_key", "VARCHAR(1100)", REASON_COLUMNS);
  }

  /** One override reason of one rule, keyed as the V2 migration keys it. */
  record ReasonRow(String key, String serviceId, String ruleId, String system, String code, String display) {
    static ReasonRow of(IssuedCard issued, Coding reason) {
      String serviceId = Columns.clip(issued.serviceId(), 128);
      String ruleId = Columns.clip(issued.ruleId(), 128);
      String system = Columns.clip(reason.system(), 512);
      String code = Columns.clip(reason.code(), 256);
      return new ReasonRow(serviceId + "|" + ruleId + "|" + system + "|" + code, serviceId, ruleId, system, code,
          Columns.clip(reason.display().orElse(reason.code()), 512));
    }
  }

  /** The override reasons of {@code cards} not yet stored by this process, by key. */
  Map<String, ReasonRow> newReasons(List<IssuedCard> cards) {
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

  /** Remembers reasons whose transaction has committed, so later cards skip them. */
  void committed(Set<String> reasonKeys) {
    storedReasons.addAll(reasonKeys);
  }

  /** Inserts {@code cards} and {@code reasons} in the caller's transaction. */
  void insert(Connection connection, List<IssuedCard> cards, Collection<ReasonRow> reasons) throws SQLException {
    try (PreparedStatement card = connection.prepareStatement(insertCard)) {
      for (IssuedCard issued : cards) {
        bindCard(card, issued);
        card.addBatch();
      }
      card.executeBatch();
    }
    if (reasons.isEmpty()) {
      return;
    }
    try (PreparedStatement reason = connection.prepareStatement(insertReason)) {
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
  }

  private static void bindCard(PreparedStatement statement, IssuedCard issued) throws SQLException {
    InlineSuggestions suggestions = InlineSuggestions.of(issued.card().suggestions());
    statement.setObject(1, issued.card().uuid());
    statement.setString(2, Columns.clip(issued.serviceId(), 128));
    statement.setString(3, Columns.clip(issued.ruleId(), 128));
    statement.setString(4, issued.card().indicator().code());
    statement.setString(5, Columns.clip(issued.hookInstance(), 128));
    statement.setObject(6, Columns.timestamp(issued.issuedAt()));
    statement.setString(7, Columns.clip(issued.client().issuer(), 1024));
    statement.setString(8, Columns.clip(issued.client().tenant().orElse(""), 256));
    statement.setString(9, suggestions.uuids());
    statement.setString(10, suggestions.labels());
  }
}
