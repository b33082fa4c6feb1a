-- One row per issued card. A card's suggestions move from issued_suggestion (a row each, keyed by
-- a random card uuid, so every insert touched another index page) into two columns of the card:
-- suggestion_uuids and suggestion_labels, one entry per line (LF), in the same order. Labels are
-- kept apart from the uuids so the summary can count offered labels by grouping equal label lists,
-- which repeat from card to card. Written for H2 2.x and PostgreSQL.
ALTER TABLE issued_card ADD COLUMN suggestion_uuids VARCHAR NOT NULL DEFAULT '';
ALTER TABLE issued_card ADD COLUMN suggestion_labels VARCHAR NOT NULL DEFAULT '';

-- Both lists are ordered by suggestion uuid, so line n of one belongs to line n of the other. A line
-- break inside a label would split it, so it becomes a space, as the store now writes labels.
UPDATE issued_card c SET
  suggestion_uuids = (SELECT STRING_AGG(CAST(s.suggestion_uuid AS VARCHAR), CHR(10) ORDER BY s.suggestion_uuid)
                      FROM issued_suggestion s WHERE s.card_uuid = c.card_uuid),
  suggestion_labels = (SELECT STRING_AGG(REPLACE(REPLACE(s.label, CHR(13), ' '), CHR(10), ' '), CHR(10)
                                         ORDER BY s.suggestion_uuid)
                       FROM issued_suggestion s WHERE s.card_uuid = c.card_uuid)
WHERE EXISTS (SELECT 1 FROM issued_suggestion s WHERE s.card_uuid = c.card_uuid);

DROP TABLE issued_suggestion;

-- No query looks cards up by service and rule without a time range first; the summary groups the
-- cards it selects by issued_at (or all of them), so this index only cost a write per card.
DROP INDEX issued_card_service;
