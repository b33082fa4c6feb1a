-- Issued cards and the feedback on them. Written for both H2 2.x and PostgreSQL.
-- No patient or practitioner identifiers, no resource bodies, no card text, no user comments.

CREATE TABLE issued_card (
  card_uuid      UUID                     NOT NULL PRIMARY KEY,
  service_id     VARCHAR(128)             NOT NULL,
  rule_id        VARCHAR(128)             NOT NULL,
  indicator      VARCHAR(16)              NOT NULL,
  hook_instance  VARCHAR(128)             NOT NULL,
  issued_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  client_iss     VARCHAR(1024)            NOT NULL,
  client_tenant  VARCHAR(256)             NOT NULL
);
CREATE INDEX issued_card_issued_at ON issued_card (issued_at);
CREATE INDEX issued_card_service ON issued_card (service_id, rule_id);

-- Keyed per card: a rule may reuse a fixed suggestion uuid on every card it issues.
CREATE TABLE issued_suggestion (
  card_uuid       UUID          NOT NULL REFERENCES issued_card (card_uuid) ON DELETE CASCADE,
  suggestion_uuid UUID          NOT NULL,
  label           VARCHAR(512)  NOT NULL,
  PRIMARY KEY (card_uuid, suggestion_uuid)
);

CREATE TABLE issued_override_reason (
  card_uuid    UUID          NOT NULL REFERENCES issued_card (card_uuid) ON DELETE CASCADE,
  code_system  VARCHAR(512)  NOT NULL,
  code         VARCHAR(256)  NOT NULL,
  display      VARCHAR(512)  NOT NULL,
  PRIMARY KEY (card_uuid, code_system, code)
);

-- feedback_key is a SHA-256 of the item's natural key (see FeedbackKey), so a repeat is a no-op.
-- card_uuid has no foreign key: feedback for a card this store never saw is kept, unattributed.
CREATE TABLE feedback (
  feedback_key    CHAR(64)                 NOT NULL PRIMARY KEY,
  card_uuid       UUID                     NOT NULL,
  service_id      VARCHAR(128)             NOT NULL,
  client_iss      VARCHAR(1024)            NOT NULL,
  client_tenant   VARCHAR(256)             NOT NULL,
  outcome         VARCHAR(16)              NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
  outcome_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  received_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  reason_system   VARCHAR(512),
  reason_code     VARCHAR(256),
  reason_display  VARCHAR(512),
  commented       BOOLEAN                  NOT NULL
);
CREATE INDEX feedback_card ON feedback (card_uuid);
CREATE INDEX feedback_received_at ON feedback (received_at);
CREATE INDEX feedback_outcome_at ON feedback (outcome_at);

CREATE TABLE feedback_suggestion (
  feedback_key     CHAR(64) NOT NULL REFERENCES feedback (feedback_key) ON DELETE CASCADE,
  suggestion_uuid  UUID     NOT NULL,
  PRIMARY KEY (feedback_key, suggestion_uuid)
);
CREATE INDEX feedback_suggestion_uuid ON feedback_suggestion (suggestion_uuid);
