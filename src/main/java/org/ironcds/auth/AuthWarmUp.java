package org.ironcds.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the bundled warm-up tokens (ES384 and RS384) with a throwaway authenticator, so that the
 * first EHR's token does not pay for cold signature code: the first ES384 check in a fresh JVM
 * took 13-15 ms and the third 2.3 ms (docs/performance.md).
 *
 * <p>The bundle ({@code warmup/tokens.json}, made by {@code WarmUpTokensGenerator} in the tests)
 * holds public keys and tokens signed at one fixed instant for an issuer no trusted-clients file
 * names; its private keys were never kept. Only this class's own authenticator, whose clock stands
 * at that instant, trusts it.
 */
public final class AuthWarmUp {
  static final String ISSUER = "urn:ironcds:warm-up";
  static final String AUDIENCE = "http://127.0.0.1/cds-services/warm-up";
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final String BUNDLE = "/warmup/tokens.json";

  private AuthWarmUp() {}

  /** Checks every bundled token; returns how many passed (all, unless the bundle is stale). */
  public static int run() {
    Map<String, Object> bundle = bundle();
    try {
      JWKSet keys = JWKSet.parse(JSONObjectUtils.getJSONObject(bundle, "jwks"));
      TrustedClients clients = TrustedClients.of(List.of(TrustedClient.of(ISSUER, new JwksSource.Inline(keys))));
      JwtAuthenticator authenticator = new JwtAuthenticator(AuthOptions.defaults(clients),
          Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC));
      int passed = 0;
      for (String token : JSONObjectUtils.getStringList(bundle, "tokens")) {
        try {
          authenticator.authenticate(AUDIENCE, Optional.of("Bearer " + token));
          passed++;
        } catch (AuthenticationException e) {
          // A stale bundle only warms less; WarmUpTokensTest keeps it from going stale unnoticed.
        }
      }
      return passed;
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable " + BUNDLE, e);
    }
  }

  private static Map<String, Object> bundle() {
    try (InputStream in = AuthWarmUp.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLE);
      }
      return JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable " + BUNDLE, e);
    }
  }
}
