package org.ironcds.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {
  private final AtomicInteger builds = new AtomicInteger();
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void buildsNothingUntilFirstUseThenOnce() {
    LazyHttpClient lazy = new LazyHttpClient(this::build);

    assertThat(lazy.built()).isFalse();
    assertThat(builds).hasValue(0);
    assertThat(lazy.get()).isSameAs(client);
    assertThat(lazy.get()).isSameAs(client);
    assertThat(lazy.built()).isTrue();
    assertThat(builds).hasValue(1);
  }

  @Test
  void callersArrivingTogetherShareOneBuild() throws Exception {
    LazyHttpClient lazy = new LazyHttpClient(this::build);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpClient>> got = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        got.add(pool.submit(() -> {
          start.await();
          return lazy.get();
        }));
      }
      start.countDown();
      for (Future<HttpClient> each : got) {
        assertThat(each.get()).isSameAs(client);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(builds).hasValue(1);
  }

  @Test
  void aClientBuiltAheadIsUsedAsItIs() {
    LazyHttpClient ready = LazyHttpClient.of(client);

    assertThat(ready.built()).isTrue();
    assertThat(ready.get()).isSameAs(client);
  }

  private HttpClient build() {
    builds.incrementAndGet();
    try {
      Thread.sleep(20); // long enough for the other callers to arrive while it builds
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return client;
  }
}
