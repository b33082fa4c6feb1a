package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ironcds.auth.Tokens.BASE_URL;
import static org.ironcds.auth.Tokens.FEEDBACK_URL;
import static org.ironcds.auth.Tokens.ISSUER;
import static org.ironcds.auth.Tokens.SERVICE_URL;
import static org.ironcds.auth.Tokens.bearer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ironcds.cdshooks.CdsClient;
import org.junit.jupiter.api.Test;

class JwtAuthenticatorTest {
  private static final Instant NOW = Instant.parse("2026-11-21T15:30:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final JwtAuthenticator authenticator = authenticator(client(Optional.empty()));

  // --- accepted ---

  @Test
  void validEs384TokenWithStringAudienceIsAccepted() {
    CdsClient client = accept(SERVICE_URL, es384().sign());

    assertThat(client).isEqualTo(new CdsClient(ISSUER, Optional.empty()));
  }

  @Test
  void validRs384TokenWithStringAudienceIsAccepted() {
    assertThat(accept(SERVICE_URL, rs384().sign()).issuer()).isEqualTo(ISSUER);
  }

  @Test
  void validEs384TokenWithArrayAudienceIsAccepted() {
    assertThat(accept(SERVICE_URL, es384().audience(List.of(SERVICE_URL)).sign()).issuer())
        .isEqualTo(ISSUER);
  }

  @Test
  void validRs384TokenWithArrayAudienceNamingSeveralEndpointsIsAccepted() {
    String token = rs384().audience(List.of("https://other.example/x", SERVICE_URL)).sign();

    assertThat(accept(SERVICE_URL, token).issuer()).isEqualTo(ISSUER);
  }

  @Test
  void discoveryAndFeedbackTokensAreAcceptedOnTheirOwnEndpoints() {
    accept(BASE_URL, es384().audience(BASE_URL).sign());
    accept(FEEDBACK_URL, es384().audience(FEEDBACK_URL).sign());
  }

  @Test
  void bearerSchemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored() {
    CdsClient client = authenticator.authenticate(
        SERVICE_URL, Optional.of("  bEaReR   " + es384().sign() + " "));

    assertThat(client.issuer()).isEqualTo(ISSUER);
  }

  @Test
  void typIsComparedCaseInsensitively() {
    accept(SERVICE_URL, es384().typ("jwt").sign());
  }

  @Test
  void tokenAtTheLifetimeCapIsAccepted() {
    accept(SERVICE_URL, es384().lifetime(NOW, Duration.ofMinutes(5)).sign());
  }

  @Test
  void tokenExpiredWithinClockSkewIsAccepted() {
    clock.advance(Duration.ofSeconds(300 + 59));

    accept(SERVICE_URL, es384().lifetime(NOW, Duration.ofSeconds(300)).sign());
  }

  @Test
  void tokenIssuedSlightlyInTheFutureWithinClockSkewIsAccepted() {
    accept(SERVICE_URL, es384().lifetime(NOW.plusSeconds(50), Duration.ofSeconds(300)).sign());
  }

  // --- rejected: transport of the token ---

  @Test
  void missingHeaderIsRejected() {
    assertThat(reject(SERVICE_URL, Optional.empty()).reason()).isEqualTo("missing_token");
  }

  @Test
  void blankHeaderIsRejected() {
    assertThat(reject(SERVICE_URL, Optional.of("   ")).reason()).isEqualTo("missing_token");
  }

  @Test
  void otherSchemeIsRejected() {
    assertThat(reject(SERVICE_URL, Optional.of("Basic " + es384().sign())).reason())
        .isEqualTo("missing_token");
    assertThat(reject(SERVICE_URL, Optional.of("Bearer")).reason()).isEqualTo("missing_token");
  }

  @Test
  void malformedTokenIsRejected() {
    for (String junk : List.of("abc", "a.b", "a.b.c", "a.b.c.d.e", "eyJ.eyJ.", "...", "Bearer x")) {
      assertThat(reject(SERVICE_URL, Optional.of("Bearer " + junk)).reason())
          .as(junk).isEqualTo("malformed");
    }
  }

  @Test
  void oversizeTokenIsRejectedUnparsed() {
    String huge = es384().claim("padding", "x".repeat(9000)).sign();

    assertThat(reject(SERVICE_URL, huge).reason()).isEqualTo("malformed");
  }

  // --- rejected: header ---

  @Test
  void unsecuredAlgNoneTokenIsRejected() {
    assertThat(reject(SERVICE_URL, es384().unsecured()).reason()).isEqualTo("alg_not_allowed");
  }

  @Test
  void hs256SignedWithThePublicKeyAsSecretIsRejected() {
    assertThat(reject(SERVICE_URL, es384().hs256WithPublicKeyAsSecret()).reason())
        .isEqualTo("alg_not_allowed");
    assertThat(reject(SERVICE_URL, rs384().hs256WithPublicKeyAsSecret()).reason())
        .isEqualTo("alg_not_allowed");
  }

  @Test
  void asymmetricAlgorithmNotConfiguredForTheClientIsRejected() {
    ECKey p256 = TestKeys.ecP256("ec-256");
    JwtAuthenticator withP256 = authenticator(new TrustedClient(ISSUER, Optional.empty(),
        Optional.of(new JwksSource.Inline(TestKeys.publicSet(p256))), List.of(),
        TrustedClient.DEFAULT_ALGORITHMS));
    String token = Tokens.signedWith(JWSAlgorithm.ES256, p256, NOW).sign();

    assertThat(reject(withP256, SERVICE_URL, token).reason()).isEqualTo("alg_not_allowed");
  }

  @Test
  void missingTypIsRejected() {
    assertThat(reject(SERVICE_URL, es384().typ(null).sign()).reason()).isEqualTo("bad_typ");
  }

  @Test
  void otherTypIsRejected() {
    assertThat(reject(SERVICE_URL, es384().typ("at+jwt").sign()).reason()).isEqualTo("bad_typ");
  }

  @Test
  void missingKidIsRejected() {
    assertThat(reject(SERVICE_URL, es384().kid(null).sign()).reason()).isEqualTo("malformed");
  }

  @Test
  void unknownKidIsRejected() {
    assertThat(reject(SERVICE_URL, es384().kid("no-such-key").sign()).reason())
        .isEqualTo("unknown_kid");
  }

  @Test
  void untrustedIssuerIsRejected() {
    assertThat(reject(SERVICE_URL, es384().issuer("https://evil.example").sign()).reason())
        .isEqualTo("unknown_issuer");
  }

  @Test
  void missingIssuerIsRejected() {
    assertThat(reject(SERVICE_URL, es384().issuer(null).sign()).reason()).isEqualTo("malformed");
  }

  @Test
  void jkuNotOnTheAllowListIsRejected() {
    String token = es384().jku("https://evil.example/jwks.json").sign();

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("jku_not_allowed");
  }

  // --- rejected: signature ---

  @Test
  void tamperedPayloadIsRejected() {
    String token = es384().sign();
    String otherPayload = es384().issuer(ISSUER).audience(SERVICE_URL).claim("admin", true)
        .sign().split("\\.")[1];
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + otherPayload + "." + parts[2];

    assertThat(reject(SERVICE_URL, tampered).reason()).isEqualTo("bad_signature");
  }

  @Test
  void tokenSignedByAnotherKeyUnderTheSameKidIsRejected() {
    ECKey impostor = TestKeys.ec(TestKeys.EC.getKeyID());

    assertThat(reject(SERVICE_URL, Tokens.es384(impostor, NOW).sign()).reason())
        .isEqualTo("bad_signature");
  }

  @Test
  void rs384TokenNamingAnEcKeyIsRejected() {
    String token = rs384().kid(TestKeys.EC.getKeyID()).sign();

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("bad_signature");
  }

  @Test
  void truncatedSignatureIsRejected() {
    String token = es384().sign();
    String truncated = token.substring(0, token.length() - 8);

    assertThat(reject(SERVICE_URL, truncated).reason()).isEqualTo("bad_signature");
  }

  @Test
  void headerSwappedToRs384OnAnEs384SignatureIsRejected() {
    String[] parts = es384().sign().split("\\.");
    String header = Base64URL.encode(rs384().kid(TestKeys.EC.getKeyID()).header().toString())
        .toString();

    assertThat(reject(SERVICE_URL, header + "." + parts[1] + "." + parts[2]).reason())
        .isEqualTo("bad_signature");
  }

  // --- rejected: audience ---

  @Test
  void tokenForDiscoveryUrlIsRejectedOnServiceCall() {
    assertThat(reject(SERVICE_URL, es384().audience(BASE_URL).sign()).reason())
        .isEqualTo("wrong_audience");
  }

  @Test
  void serviceUrlWithTrailingSlashIsRejected() {
    assertThat(reject(SERVICE_URL, es384().audience(SERVICE_URL + "/").sign()).reason())
        .isEqualTo("wrong_audience");
  }

  @Test
  void serviceTokenIsRejectedOnFeedback() {
    assertThat(reject(FEEDBACK_URL, es384().sign()).reason()).isEqualTo("wrong_audience");
  }

  @Test
  void audienceDifferingOnlyInSchemeOrCaseIsRejected() {
    assertThat(reject(SERVICE_URL, es384().audience(SERVICE_URL.replace("https", "http")).sign())
        .reason()).isEqualTo("wrong_audience");
    assertThat(reject(SERVICE_URL, es384().audience(SERVICE_URL.toUpperCase()).sign()).reason())
        .isEqualTo("wrong_audience");
  }

  @Test
  void arrayAudienceWithoutThisEndpointIsRejected() {
    String token = es384().audience(List.of(BASE_URL, FEEDBACK_URL)).sign();

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("wrong_audience");
  }

  @Test
  void missingAudienceIsRejected() {
    assertThat(reject(SERVICE_URL, es384().audience(List.of()).sign()).reason())
        .isEqualTo("wrong_audience");
  }

  // --- rejected: time ---

  @Test
  void expiredTokenIsRejected() {
    String token = es384().sign();
    clock.advance(Duration.ofSeconds(300 + 61));

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("expired");
  }

  @Test
  void tokenIssuedInTheFutureIsRejected() {
    String token = es384().lifetime(NOW.plusSeconds(120), Duration.ofSeconds(60)).sign();

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("not_yet_valid");
  }

  @Test
  void tokenNotBeforeTheFutureIsRejected() {
    String token = es384().claim("nbf", NOW.plusSeconds(120).getEpochSecond()).sign();

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("not_yet_valid");
  }

  @Test
  void lifetimeOverTheCapIsRejected() {
    String token = es384().lifetime(NOW, Duration.ofMinutes(5).plusSeconds(1)).sign();

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("lifetime_too_long");
  }

  @Test
  void lifetimeCapIsConfigurable() {
    JwtAuthenticator strict = new JwtAuthenticator(AuthOptions
        .defaults(TrustedClients.of(List.of(client(Optional.empty()))))
        .withMaxLifetime(Duration.ofMinutes(1)), clock);

    assertThat(reject(strict, SERVICE_URL, es384().sign()).reason()).isEqualTo("lifetime_too_long");
  }

  @Test
  void missingTimeClaimsAreRejected() {
    assertThat(reject(SERVICE_URL, es384().expiresAt(null).sign()).reason()).isEqualTo("malformed");
    assertThat(reject(SERVICE_URL, es384().issuedAt(null).sign()).reason()).isEqualTo("malformed");
  }

  @Test
  void expiryBeforeIssueIsRejected() {
    String token = es384().issuedAt(NOW).expiresAt(NOW.minusSeconds(1)).sign();

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("malformed");
  }

  // --- rejected: replay ---

  @Test
  void replayedJtiIsRejected() {
    String token = es384().sign();
    accept(SERVICE_URL, token);

    assertThat(reject(SERVICE_URL, token).reason()).isEqualTo("replayed");
  }

  @Test
  void jtiReusedInAnotherTokenIsRejected() {
    accept(SERVICE_URL, es384().jti("once").sign());

    assertThat(reject(BASE_URL, rs384().audience(BASE_URL).jti("once").sign()).reason())
        .isEqualTo("replayed");
  }

  @Test
  void jtiOfARejectedTokenIsNotRemembered() {
    reject(SERVICE_URL, es384().jti("j-1").audience(BASE_URL).sign());

    accept(SERVICE_URL, es384().jti("j-1").sign());
  }

  @Test
  void missingJtiIsRejected() {
    assertThat(reject(SERVICE_URL, es384().jti(null).sign()).reason()).isEqualTo("malformed");
  }

  // --- tenant ---

  @Test
  void configuredTenantMustMatch() {
    JwtAuthenticator north = authenticator(client(Optional.of("north")));

    assertThat(north.authenticate(SERVICE_URL, Optional.of(bearer(es384().claim("tenant", "north")
        .sign())))).isEqualTo(new CdsClient(ISSUER, Optional.of("north")));
    assertThat(reject(north, SERVICE_URL, es384().claim("tenant", "south").sign()).reason())
        .isEqualTo("wrong_tenant");
    assertThat(reject(north, SERVICE_URL, es384().sign()).reason()).isEqualTo("wrong_tenant");
  }

  @Test
  void tenantFromTheTokenIsReportedWhenNoneIsConfigured() {
    assertThat(accept(SERVICE_URL, es384().claim("tenant", "east").sign()).tenant())
        .contains("east");
  }

  // --- the sandbox ---

  @Test
  void tokenMintedByThePublicSandboxVerifiesAgainstThePinnedSandboxKey() throws Exception {
    // A token the public sandbox (https://sandbox.cds-hooks.org) signed in July 2020 for
    // aud http://127.0.0.1:8000/cds-services, published as a test vector in a public repository.
    String sandboxToken = "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6IjQ0ODIzZjNkLTBiMDEtNGE2Yy1h"
        + "ODBlLWI5ZDNlOGE3MjI2ZiIsImprdSI6Imh0dHBzOi8vc2FuZGJveC5jZHMtaG9va3Mub3JnLy53ZWxsLWtub3du"
        + "L2p3a3MuanNvbiJ9.eyJpc3MiOiJodHRwczovL3NhbmRib3guY2RzLWhvb2tzLm9yZyIsImF1ZCI6Imh0dHA6Ly8x"
        + "MjcuMC4wLjE6ODAwMC9jZHMtc2VydmljZXMiLCJleHAiOjE1OTQyMzA5MDAsImlhdCI6MTU5NDIzMDYwMCwianRp"
        + "IjoiZWZiMzc3M2QtM2EyOC00M2UyLTlmYmMtYjkzNmE5YWUzODhiIn0.Cbey3n5NkDRoCLHZ2WMFc1z_RY8Rlq5o"
        + "GxdAYfbrBPMiJXLCwjbYoU0av2CQj-Olhbnpe7Vs8vzJ5oHP5gc2-0ooc5J49t4Uz9iYKpiM9KLUrqaJe0umc_kl"
        + "M2-ynHAI";
    TrustedClients sandbox =
        TrustedClients.load(java.nio.file.Path.of("docs/sandbox-trusted-client.json"));
    JwtAuthenticator offline = new JwtAuthenticator(AuthOptions.defaults(sandbox),
        new MutableClock(Instant.ofEpochSecond(1594230600L + 30)));

    CdsClient client = offline.authenticate("http://127.0.0.1:8000/cds-services",
        Optional.of(bearer(sandboxToken)));

    assertThat(client).isEqualTo(new CdsClient("https://sandbox.cds-hooks.org", Optional.empty()));
  }

  // --- helpers ---

  private Tokens es384() {
    return Tokens.es384(TestKeys.EC, clock.instant());
  }

  private Tokens rs384() {
    return Tokens.rs384(TestKeys.RSA, clock.instant());
  }

  private static TrustedClient client(Optional<String> tenant) {
    return new TrustedClient(ISSUER, tenant,
        Optional.of(new JwksSource.Inline(TestKeys.publicSet(TestKeys.EC, TestKeys.RSA))),
        List.of(), Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384));
  }

  private JwtAuthenticator authenticator(TrustedClient client) {
    return new JwtAuthenticator(AuthOptions.defaults(TrustedClients.of(List.of(client))), clock);
  }

  private CdsClient accept(String audience, String token) {
    return authenticator.authenticate(audience, Optional.of(bearer(token)));
  }

  private AuthenticationException reject(String audience, String token) {
    return reject(authenticator, audience, token);
  }

  private AuthenticationException reject(String audience, Optional<String> header) {
    return rejectHeader(authenticator, audience, header);
  }

  private static AuthenticationException reject(JwtAuthenticator authenticator, String audience,
      String token) {
    AuthenticationException e = rejectHeader(authenticator, audience, Optional.of(bearer(token)));
    String signature = token.substring(token.lastIndexOf('.') + 1);
    assertThat(e.getMessage()).doesNotContain(token);
    if (signature.length() > 8) {
      assertThat(e.getMessage()).doesNotContain(signature);
    }
    return e;
  }

  private static AuthenticationException rejectHeader(JwtAuthenticator authenticator,
      String audience, Optional<String> header) {
    AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
        () -> authenticator.authenticate(audience, header));
    assertThat(e).as("expected a rejection").isNotNull();
    assertThat(e.reason()).isNotEqualTo("internal_error");
    return e;
  }
}
