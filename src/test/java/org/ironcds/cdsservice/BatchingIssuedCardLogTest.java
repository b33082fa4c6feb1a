package org.ironcds.cdsservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.Source;
import org.junit.jupiter.api.Test;

class BatchingIssuedCardLogTest {
  private static IssuedCard card() {
    Card card = new Card(UUID.randomUUID(), "Summary", Optional.empty(), Indicator.WARNING,
        Source.of("Source", URI.create("https://example.org")), List.of(), Optional.empty(), List.of(), List.of());
    return new IssuedCard("svc", "Rule", "hook-1", CdsClient.UNAUTHENTICATED, card, Instant.EPOCH);
  }

  @Test
  void everyQueuedCardReachesTheStoreByClose() throws Exception {
    List<IssuedCard> stored = Collections.synchronizedList(new ArrayList<>());
    BatchingIssuedCardLog log = new BatchingIssuedCardLog(stored::addAll, 10_000);
    List<IssuedCard> sent = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      IssuedCard c = card();
      sent.add(c);
      log.record(List.of(c));
    }
    log.close();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(log.dropped()).isZero();
  }

  @Test
  void cardsArrivingWithinTheLingerAreWrittenInOneBatch() throws Exception {
    List<List<IssuedCard>> batches = Collections.synchronizedList(new ArrayList<>());
    BatchingIssuedCardLog log = new BatchingIssuedCardLog(batches::add, 10_000, Duration.ofMillis(500));
    for (int i = 0; i < 20; i++) {
      log.record(List.of(card(), card()));
    }
    log.close();
    assertThat(batches).singleElement().satisfies(batch -> assertThat(batch).hasSize(40));
  }

  @Test
  void callersNeverWaitForASlowStoreAndOverflowIsCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<IssuedCard> stored = Collections.synchronizedList(new ArrayList<>());
    BatchingIssuedCardLog log = new BatchingIssuedCardLog(cards -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stored.addAll(cards);
    }, 10);
    for (int i = 0; i < 100; i++) {
      log.record(List.of(card())); // returns at once although the store is blocked
    }
    // The writer may hold one batch (the card it lingered on plus a full queue) while the queue fills
    // again: at most 2 x capacity + 1 accepted.
    assertThat(log.dropped()).isGreaterThanOrEqualTo(100 - (2 * 10 + 1));
    release.countDown();
    log.close();
    assertThat(stored.size() + log.dropped()).isEqualTo(100);
  }

  @Test
  void aFailingStoreDoesNotStopLaterBatches() throws Exception {
    List<IssuedCard> stored = Collections.synchronizedList(new ArrayList<>());
    boolean[] failOnce = {true};
    BatchingIssuedCardLog log = new BatchingIssuedCardLog(cards -> {
      if (failOnce[0]) {
        failOnce[0] = false;
        throw new IllegalStateException("database down");
      }
      stored.addAll(cards);
    }, 100);
    log.record(List.of(card()));
    Thread.sleep(300);
    IssuedCard later = card();
    log.record(List.of(later));
    log.close();
    assertThat(stored).contains(later);
  }
}
