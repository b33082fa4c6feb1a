-- Override reasons are the same for every card a rule issues; keep them once per service and rule
-- instead of once per card (they were more than half of the rows written for each issued card).
-- Only the summary reads them, for the display text of a reason. Written for H2 2.x and PostgreSQL.
CREATE TABLE rule_override_reason (
  reason_key   VARCHAR(1100) NOT NULL PRIMARY KEY,
  service_id   VARCHAR(128)  NOT NULL,
  rule_id      VARCHAR(128)  NOT NULL,
  code_system  VARCHAR(512)  NOT NULL,
  code         VARCHAR(256)  NOT NULL,
  display      VARCHAR(512)  NOT NULL
);

INSERT INTO rule_override_reason (reason_key, service_id, rule_id, code_system, code, display)
SELECT c.service_id || '|' || c.rule_id || '|' || r.code_system || '|' || r.code,
       c.service_id, c.rule_id, r.code_system, r.code, MAX(r.display)
FROM issued_override_reason r JOIN issued_card c ON c.card_uuid = r.card_uuid
GROUP BY c.service_id, c.rule_id, r.code_system, r.code;

DROP TABLE issued_override_reason;
