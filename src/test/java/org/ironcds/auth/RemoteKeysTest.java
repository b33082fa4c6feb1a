package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ironcds.auth.Tokens.ISSUER;
import static org.ironcds.auth.Tokens.SERVICE_URL;
import static org.ironcds.auth.Tokens.bearer;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key sets fetched from {@code jwks_uri}, an allowed {@code jku} or a file, served locally. */
class RemoteKeysTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final ECKey KEY_A = TestKeys.ec("key-a");
  private static final ECKey KEY_B = TestKeys.ec("key-b");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T15:30:00Z"));
  private final JwksServer server = newServer();

  @TempDir Path dir;

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void keysFromJwksUriAreFetchedOnceAndCached() {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = withJwksUri(server.url("/jwks"));

    accept(authenticator, token(KEY_A));
    accept(authenticator, token(KEY_A));

    assertThat(server.hits()).isEqualTo(1);
  }

  @Test
  void rotatedKeyIsVerifiedAfterOneRefresh() {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = withJwksUri(server.url("/jwks"));
    accept(authenticator, token(KEY_A));

    server.serve("/jwks", TestKeys.publicSetJson(KEY_B));
    clock.advance(INTERVAL);
    accept(authenticator, token(KEY_B));

    assertThat(server.hits()).isEqualTo(2);
    assertThat(reason(authenticator, token(KEY_A))).isEqualTo("unknown_kid");
    assertThat(server.hits()).isEqualTo(2);
  }

  @Test
  void keyRotatedWithinTheIntervalIsPickedUpOnceTheIntervalHasPassed() {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = withJwksUri(server.url("/jwks"));
    accept(authenticator, token(KEY_A));
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A, KEY_B));

    assertThat(reason(authenticator, token(KEY_B))).isEqualTo("unknown_kid");
    assertThat(server.hits()).isEqualTo(1);

    clock.advance(INTERVAL);
    accept(authenticator, token(KEY_B));
    assertThat(server.hits()).isEqualTo(2);
  }

  @Test
  void floodOfUnknownKidsCausesAtMostOneRefreshPerInterval() throws Exception {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = withJwksUri(server.url("/jwks"));
    accept(authenticator, token(KEY_A));
    clock.advance(INTERVAL);

    List<String> reasons = flood(authenticator, 200);

    assertThat(reasons).hasSize(200).containsOnly("unknown_kid");
    assertThat(server.hits()).isEqualTo(2);

    flood(authenticator, 200);
    assertThat(server.hits()).as("no refresh before the interval has passed").isEqualTo(2);
    accept(authenticator, token(KEY_A));

    clock.advance(INTERVAL);
    flood(authenticator, 200);
    assertThat(server.hits()).isEqualTo(3);
  }

  @Test
  void jkuNotOnTheAllowListIsRejectedWithoutContactingIt() {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));
    server.serve("/attacker-jwks", TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = authenticator(new TrustedClient(ISSUER, Optional.empty(),
        Optional.empty(), List.of(server.url("/jwks")), TrustedClient.DEFAULT_ALGORITHMS));

    String token = Tokens.es384(KEY_A, clock.instant())
        .jku(server.url("/attacker-jwks").toString()).sign();

    assertThat(reason(authenticator, token)).isEqualTo("jku_not_allowed");
    assertThat(server.hits()).isZero();
  }

  @Test
  void jkuIsRefusedBeforeAnyFetchEvenWhenTheKidIsKnown() {
    JwtAuthenticator authenticator = authenticator(new TrustedClient(ISSUER, Optional.empty(),
        Optional.of(new JwksSource.FromUrl(server.url("/jwks"))), List.of(),
        TrustedClient.DEFAULT_ALGORITHMS));
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));

    String token = Tokens.es384(KEY_A, clock.instant()).jku(server.url("/jwks2").toString()).sign();

    assertThat(reason(authenticator, token)).isEqualTo("jku_not_allowed");
    assertThat(server.hits()).isZero();
  }

  @Test
  void allowedJkuIsFetchedWhenTheClientHasNoConfiguredKeys() {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = authenticator(new TrustedClient(ISSUER, Optional.empty(),
        Optional.empty(), List.of(server.url("/jwks")), TrustedClient.DEFAULT_ALGORITHMS));

    accept(authenticator, Tokens.es384(KEY_A, clock.instant()).jku(server.url("/jwks").toString())
        .sign());

    assertThat(server.hits("/jwks")).isEqualTo(1);
  }

  @Test
  void pinnedKeyIsUsedWithoutFetchingTheAllowedJku() {
    JwtAuthenticator authenticator = authenticator(new TrustedClient(ISSUER, Optional.empty(),
        Optional.of(new JwksSource.Inline(TestKeys.publicSet(KEY_A))), List.of(server.url("/jwks")),
        TrustedClient.DEFAULT_ALGORITHMS));

    accept(authenticator, Tokens.es384(KEY_A, clock.instant()).jku(server.url("/jwks").toString())
        .sign());
    assertThat(reason(authenticator, token(KEY_B))).isEqualTo("unknown_kid");

    assertThat(server.hits()).as("no jku in the token, so nothing to fetch").isZero();
  }

  @Test
  void failedRefreshKeepsThePreviousKeys() {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = withJwksUri(server.url("/jwks"));
    accept(authenticator, token(KEY_A));

    server.fail("/jwks", 503);
    clock.advance(Duration.ofHours(2));

    accept(authenticator, token(KEY_A));
    assertThat(server.hits()).isEqualTo(2);
  }

  @Test
  void keyRemovedFromTheSetStopsWorkingOnceTheCachedCopyIsTooOld() {
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A, KEY_B));
    JwtAuthenticator authenticator = withJwksUri(server.url("/jwks"));
    accept(authenticator, token(KEY_A));
    server.serve("/jwks", TestKeys.publicSetJson(KEY_B));

    clock.advance(Duration.ofMinutes(61));

    assertThat(reason(authenticator, token(KEY_A))).isEqualTo("unknown_kid");
    accept(authenticator, token(KEY_B));
  }

  @Test
  void oversizedKeySetIsRefused() {
    String padding = "\"pad\": \"" + "x".repeat(JwksFetcher.MAX_BYTES) + "\", ";
    server.serve("/jwks", "{" + padding + TestKeys.publicSetJson(KEY_A).substring(1));

    assertThat(reason(withJwksUri(server.url("/jwks")), token(KEY_A))).isEqualTo("unknown_kid");
  }

  @Test
  void redirectIsNotFollowed() {
    server.redirect("/jwks", server.url("/elsewhere").toString());
    server.serve("/elsewhere", TestKeys.publicSetJson(KEY_A));

    assertThat(reason(withJwksUri(server.url("/jwks")), token(KEY_A))).isEqualTo("unknown_kid");
    assertThat(server.hits("/elsewhere")).isZero();
  }

  @Test
  void slowKeyServerTimesOut() {
    server.serveSlowly("/jwks", TestKeys.publicSetJson(KEY_A), Duration.ofSeconds(3));
    JwtAuthenticator authenticator = new JwtAuthenticator(
        options(withUrl(server.url("/jwks"))).withFetchTimeout(Duration.ofMillis(300)), clock);

    long start = System.nanoTime();
    assertThat(reason(authenticator, token(KEY_A))).isEqualTo("unknown_kid");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void privateKeysInAFetchedSetAreIgnored() {
    server.serve("/jwks", "{\"keys\": [" + KEY_A.toJSONString() + "]}");
    JwtAuthenticator authenticator = withJwksUri(server.url("/jwks"));

    // The public half is still usable; the private parameters are dropped, never kept.
    accept(authenticator, token(KEY_A));
  }

  @Test
  void jwksFileIsReReadWhenAnUnknownKidArrives() throws Exception {
    Path file = dir.resolve("ehr.jwks.json");
    Files.writeString(file, TestKeys.publicSetJson(KEY_A));
    JwtAuthenticator authenticator = authenticator(new TrustedClient(ISSUER, Optional.empty(),
        Optional.of(new JwksSource.FromFile(file)), List.of(), TrustedClient.DEFAULT_ALGORITHMS));
    accept(authenticator, token(KEY_A));

    Files.writeString(file, TestKeys.publicSetJson(KEY_B));
    clock.advance(INTERVAL);

    accept(authenticator, token(KEY_B));
  }

  @Test
  void rsaKeysAreFetchedToo() {
    RSAKey rsa = TestKeys.RSA;
    server.serve("/jwks", TestKeys.publicSetJson(KEY_A, rsa));

    accept(withJwksUri(server.url("/jwks")), Tokens.rs384(rsa, clock.instant()).sign());
  }

  private List<String> flood(JwtAuthenticator authenticator, int calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        String token = Tokens.es384(KEY_A, clock.instant()).kid(UUID.randomUUID().toString()).sign();
        tasks.add(() -> reason(authenticator, token));
      }
      List<String> reasons = new ArrayList<>();
      for (Future<String> result : pool.invokeAll(tasks)) {
        reasons.add(result.get());
      }
      return reasons;
    } finally {
      pool.shutdownNow();
    }
  }

  private String token(ECKey key) {
    return Tokens.es384(key, clock.instant()).sign();
  }

  private static TrustedClient withUrl(URI url) {
    return TrustedClient.of(ISSUER, new JwksSource.FromUrl(url));
  }

  private JwtAuthenticator withJwksUri(URI url) {
    return authenticator(withUrl(url));
  }

  private AuthOptions options(TrustedClient client) {
    return AuthOptions.defaults(TrustedClients.of(List.of(client)))
        .withJwksRefreshInterval(INTERVAL)
        .withFetchTimeout(Duration.ofSeconds(2));
  }

  private JwtAuthenticator authenticator(TrustedClient client) {
    return new JwtAuthenticator(options(client), clock);
  }

  private static void accept(JwtAuthenticator authenticator, String token) {
    assertThat(authenticator.authenticate(SERVICE_URL, Optional.of(bearer(token))).issuer())
        .isEqualTo(ISSUER);
  }

  private static String reason(JwtAuthenticator authenticator, String token) {
    try {
      authenticator.authenticate(SERVICE_URL, Optional.of(bearer(token)));
    } catch (AuthenticationException e) {
      return e.reason();
    }
    throw new AssertionError("token was accepted");
  }

  private static JwksServer newServer() {
    try {
      return new JwksServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
