package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ironcds.feedback.Cards.BENEFIT;
import static org.ironcds.feedback.Cards.EHR;
import static org.ironcds.feedback.Cards.MONITORED;
import static org.ironcds.feedback.Cards.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.FeedbackItem;
import org.ironcds.cdshooks.OverrideReason;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdsservice.IssuedCard;
import org.ironcds.feedback.FeedbackSummary.ReasonCount;
import org.ironcds.feedback.FeedbackSummary.RuleSummary;
import org.ironcds.feedback.FeedbackSummary.SuggestionCount;
import org.ironcds.feedback.FeedbackSummary.Unattributed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FeedbackStore} database must show. Subclasses supply a fresh, empty
 * database per test: the embedded H2 file database and a real PostgreSQL server.
 */
abstract class FeedbackStoreContract {
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

  final TestClock clock = new TestClock(T0);
  FeedbackStore store;

  /** Options for a new, empty database. */
  abstract StorageOptions freshDatabase() throws Exception;

  /** Removes what {@link #freshDatabase} created. */
  abstract void dropDatabase() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = FeedbackStore.open(freshDatabase(), clock);
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
    dropDatabase();
  }

  @Test
  void feedbackOnAnIssuedCardIsAttributedToTheIssuingRule() {
    IssuedCard card = Cards.issued("iron-sign", "iv-iron-denosumab", T0);
    store.record(List.of(card));

    store.store("iron-sign", EHR, List.of(accepted(card, "Order phosphate")));

    RuleSummary rule = only(store.summary(SummaryQuery.all()));
    assertThat(rule.serviceId()).isEqualTo("iron-sign");
    assertThat(rule.ruleId()).isEqualTo("iv-iron-denosumab");
    assertThat(rule.issued()).isEqualTo(1);
    assertThat(rule.accepted()).isEqualTo(1);
    assertThat(rule.suggestions()).contains(new SuggestionCount("Order phosphate", 1, 1));
  }

  @Test
  void storingTheSameFeedbackTwiceChangesNothing() {
    IssuedCard card = Cards.issued("iron-sign", "r1", T0);
    store.record(List.of(card));
    List<FeedbackItem> batch = List.of(accepted(card, "Hold iron"), overridden(card, Optional.of(BENEFIT), false));

    int first = store.store("iron-sign", EHR, batch);
    clock.advance(Duration.ofMinutes(5));
    int second = store.store("iron-sign", EHR, batch);

    assertThat(first).isEqualTo(2);
    assertThat(second).isZero();
    RuleSummary rule = only(store.summary(SummaryQuery.all()));
    assertThat(rule.accepted()).isEqualTo(1);
    assertThat(rule.overridden()).isEqualTo(1);
    assertThat(rule.overrideReasons()).containsExactly(reason(BENEFIT, 1));
  }

  @Test
  void aRepeatInsideOneBatchIsStoredOnce() {
    IssuedCard card = Cards.issued("iron-sign", "r1", T0);
    FeedbackItem item = accepted(card, "Hold iron");

    assertThat(store.store("iron-sign", EHR, List.of(item, item))).isEqualTo(1);
  }

  @Test
  void theSameDecisionAtAnotherTimeIsNewFeedback() {
    IssuedCard card = Cards.issued("iron-sign", "r1", T0);
    FeedbackItem first = accepted(card, "Hold iron");
    FeedbackItem later = FeedbackItem.accepted(
        first.card(), first.acceptedSuggestions(), first.outcomeTimestamp().plusSeconds(1));

    assertThat(store.store("iron-sign", EHR, List.of(first))).isEqualTo(1);
    assertThat(store.store("iron-sign", EHR, List.of(later))).isEqualTo(1);
  }

  @Test
  void concurrentRepeatsOfTheSameFeedbackAreStoredOnce() throws Exception {
    IssuedCard card = Cards.issued("iron-sign", "r1", T0);
    store.record(List.of(card));
    FeedbackItem item = accepted(card, "Hold iron");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> posts = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        posts.add(() -> store.store("iron-sign", EHR, List.of(item)));
      }
      int stored = 0;
      for (Future<Integer> result : threads.invokeAll(posts)) {
        stored += result.get();
      }
      assertThat(stored).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
    assertThat(only(store.summary(SummaryQuery.all())).accepted()).isEqualTo(1);
  }

  @Test
  void recordingACardTwiceChangesNothing() {
    IssuedCard card = Cards.issued("iron-sign", "r1", T0);

    store.record(List.of(card));
    store.record(List.of(card));

    RuleSummary rule = only(store.summary(SummaryQuery.all()));
    assertThat(rule.issued()).isEqualTo(1);
    assertThat(rule.suggestions()).containsExactly(
        new SuggestionCount("Hold iron", 1, 0), new SuggestionCount("Order phosphate", 1, 0));
  }

  @Test
  void aSuggestionUuidReusedOnEveryCardIsCountedPerCard() {
    UUID fixed = UUID.fromString("7d0c5c55-0000-4000-8000-000000000001");
    IssuedCard first = withSuggestionUuid(Cards.issued("iron-sign", "R1", T0), fixed);
    IssuedCard second = withSuggestionUuid(Cards.issued("iron-sign", "R1", T0), fixed);
    store.record(List.of(first, second));

    store.store("iron-sign", EHR, List.of(FeedbackItem.accepted(first.card().uuid(), List.of(fixed), T0)));

    RuleSummary rule = only(store.summary(SummaryQuery.all()));
    assertThat(rule.issued()).isEqualTo(2);
    assertThat(rule.suggestions()).contains(new SuggestionCount("Fixed", 2, 1));
  }

  private static IssuedCard withSuggestionUuid(IssuedCard issued, UUID uuid) {
    Card c = issued.card();
    Card card = new Card(c.uuid(), c.summary(), c.detail(), c.indicator(),
        c.source(), List.of(new Suggestion("Fixed", uuid, false, List.of())),
        c.selectionBehavior(), c.overrideReasons(), c.links());
    return new IssuedCard(issued.serviceId(), issued.ruleId(), issued.hookInstance(), issued.client(), card,
        issued.issuedAt());
  }

  @Test
  void feedbackOnAnUnknownCardIsKeptAndCountedAsUnattributed() {
    FeedbackItem item = FeedbackItem.overridden(UUID.randomUUID(), Optional.empty(), T0);

    assertThat(store.store("iron-sign", EHR, List.of(item))).isEqualTo(1);

    FeedbackSummary summary = store.summary(SummaryQuery.all());
    assertThat(summary.rules()).isEmpty();
    assertThat(summary.unattributed()).containsExactly(new Unattributed("iron-sign", 0, 1));
  }

  @Test
  void feedbackFromAnotherClientIsNotAttributedToTheCard() {
    IssuedCard card = Cards.issued("iron-sign", "r1", T0);
    store.record(List.of(card));
    CdsClient other = new CdsClient("https://other-ehr.example.org", Optional.empty());

    store.store("iron-sign", other, List.of(accepted(card, "Hold iron")));

    FeedbackSummary summary = store.summary(SummaryQuery.all());
    assertThat(only(summary).accepted()).isZero();
    assertThat(summary.unattributed()).containsExactly(new Unattributed("iron-sign", 1, 0));
  }

  @Test
  void summaryGivesTheFiguresOfAKnownSetOfCardsAndFeedback() {
    IssuedCard c1 = Cards.issued("iron-sign", "R1", T0);
    IssuedCard c2 = Cards.issued("iron-sign", "R1", T0.plusSeconds(60));
    IssuedCard c3 = Cards.issued("iron-sign", "R1", T0.plusSeconds(120));
    IssuedCard c4 = Cards.issued("iron-sign", "R1", T0.plusSeconds(180));
    IssuedCard d1 = Cards.issued("iron-sign", "R2", T0);
    IssuedCard d2 = Cards.issued("iron-sign", "R2", T0);
    IssuedCard e1 = Cards.issued("iron-select", "R1", T0);
    store.record(List.of(c1, c2, c3, c4, d1, d2));
    store.record(List.of(e1));

    store.store("iron-sign", EHR, List.of(
        accepted(c1, "Order phosphate"),
        accepted(c2, "Order phosphate", "Hold iron"),
        overridden(c3, Optional.of(new Coding(Cards.SYSTEM, BENEFIT.code(), Optional.empty())), true),
        overridden(d1, Optional.empty(), false),
        overridden(d2, Optional.of(MONITORED), false),
        FeedbackItem.overridden(UUID.randomUUID(), Optional.empty(), T0)));
    store.store("iron-select", EHR, List.of(accepted(e1, "Hold iron")));
    store.store("iron-select", EHR, List.of(accepted(e1, "Hold iron")));

    FeedbackSummary summary = store.summary(SummaryQuery.all());

    assertThat(summary.rules()).containsExactly(
        new RuleSummary("iron-select", "R1", 1, 1, 0, 1.0, 0, 0,
            List.of(new SuggestionCount("Hold iron", 1, 1), new SuggestionCount("Order phosphate", 1, 0)),
            List.of()),
        new RuleSummary("iron-sign", "R1", 4, 2, 1, 0.5, 1, 0,
            List.of(new SuggestionCount("Hold iron", 4, 1), new SuggestionCount("Order phosphate", 4, 2)),
            List.of(reason(BENEFIT, 1))),
        new RuleSummary("iron-sign", "R2", 2, 0, 2, 0.0, 0, 1,
            List.of(new SuggestionCount("Hold iron", 2, 0), new SuggestionCount("Order phosphate", 2, 0)),
            List.of(reason(MONITORED, 1))));
    assertThat(summary.unattributed()).containsExactly(new Unattributed("iron-sign", 0, 1));
    assertThat(summary.generatedAt()).isEqualTo(T0);
  }

  @Test
  void summarySelectsCardsByIssueTimeAndService() {
    IssuedCard early = Cards.issued("iron-sign", "R1", T0);
    IssuedCard late = Cards.issued("iron-sign", "R1", T0.plus(Duration.ofDays(2)));
    IssuedCard other = Cards.issued("iron-select", "R1", T0.plus(Duration.ofDays(2)));
    store.record(List.of(early, late, other));
    store.store("iron-sign", EHR, List.of(accepted(early, "Hold iron"), accepted(late, "Hold iron")));

    SummaryQuery query = new SummaryQuery(
        Optional.of(T0.plus(Duration.ofDays(1))), Optional.of(T0.plus(Duration.ofDays(3))), Optional.of("iron-sign"));
    RuleSummary rule = only(store.summary(query));

    assertThat(rule.serviceId()).isEqualTo("iron-sign");
    assertThat(rule.issued()).isEqualTo(1);
    assertThat(rule.accepted()).isEqualTo(1);
  }

  @Test
  void pruningDeletesCardsAndFeedbackOlderThanTheCutoff() {
    IssuedCard old = Cards.issued("iron-sign", "R1", T0);
    store.record(List.of(old));
    store.store("iron-sign", EHR, List.of(accepted(old, "Hold iron")));
    clock.advance(Duration.ofDays(10));
    IssuedCard recent = Cards.issued("iron-sign", "R1", clock.instant());
    store.record(List.of(recent));
    store.store("iron-sign", EHR, List.of(accepted(recent, "Hold iron")));

    int deleted = store.pruneOlderThan(T0.plus(Duration.ofDays(5)));

    assertThat(deleted).isEqualTo(2);
    RuleSummary rule = only(store.summary(SummaryQuery.all()));
    assertThat(rule.issued()).isEqualTo(1);
    assertThat(rule.accepted()).isEqualTo(1);
  }

  @Test
  void thePrunerDeletesWhatIsOlderThanTheRetention() throws Exception {
    IssuedCard old = Cards.issued("iron-sign", "R1", T0.minus(Duration.ofDays(500)));
    IssuedCard recent = Cards.issued("iron-sign", "R1", T0.minus(Duration.ofDays(1)));
    store.record(List.of(old, recent));

    RetentionPruner pruner = store.startPruning(Duration.ofHours(1));
    try {
      for (int i = 0; i < 100 && store.summary(SummaryQuery.all()).rules().get(0).issued() > 1; i++) {
        Thread.sleep(20);
      }
    } finally {
      pruner.close();
    }

    assertThat(only(store.summary(SummaryQuery.all())).issued()).isEqualTo(1);
  }

  @Test
  void instancesSharingOneDatabaseAttributeEachOthersCardsAndSkipEachOthersRepeats() {
    IssuedCard card = Cards.issued("iron-sign", "R1", T0);
    store.record(List.of(card));
    FeedbackItem item = accepted(card, "Hold iron");

    try (FeedbackStore other = FeedbackStore.open(store.options(), clock)) {
      assertThat(other.store("iron-sign", EHR, List.of(item))).isEqualTo(1);
      assertThat(store.store("iron-sign", EHR, List.of(item))).isZero();
    }

    assertThat(only(store.summary(SummaryQuery.all())).accepted()).isEqualTo(1);
  }

  @Test
  void recordingCardsNeverFailsTheHookCallEvenWhenTheDatabaseIsGone() {
    StorageOptions options = store.options();
    store.close();

    store.record(List.of(Cards.issued("iron-sign", "R1", T0)));

    store = FeedbackStore.open(options, clock);
    assertThat(store.summary(SummaryQuery.all()).rules()).isEmpty();
  }

  @Test
  void committedFeedbackSurvivesClosingAndReopeningTheStore() {
    IssuedCard card = Cards.issued("iron-sign", "R1", T0);
    store.record(List.of(card));
    store.store("iron-sign", EHR, List.of(accepted(card, "Hold iron")));
    StorageOptions options = store.options();
    store.close();

    store = FeedbackStore.open(options, clock);

    assertThat(only(store.summary(SummaryQuery.all())).accepted()).isEqualTo(1);
  }

  static FeedbackItem accepted(IssuedCard card, String... labels) {
    List<UUID> ids = new ArrayList<>();
    for (String label : labels) {
      ids.add(suggestion(card, label));
    }
    return FeedbackItem.accepted(card.card().uuid(), ids, card.issuedAt().plusSeconds(30));
  }

  static FeedbackItem overridden(IssuedCard card, Optional<Coding> reason, boolean commented) {
    Optional<OverrideReason> why = reason.isEmpty() && !commented
        ? Optional.empty()
        : Optional.of(new OverrideReason(reason, commented));
    return FeedbackItem.overridden(card.card().uuid(), why, card.issuedAt().plusSeconds(30));
  }

  static ReasonCount reason(Coding coding, long count) {
    return new ReasonCount(coding.system(), coding.code(), coding.display(), count);
  }

  static RuleSummary only(FeedbackSummary summary) {
    assertThat(summary.rules()).hasSize(1);
    return summary.rules().get(0);
  }
}
