package org.ironcds.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.ironcds.cdshooks.CdsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates CDS clients by the JWT they send in {@code Authorization: Bearer}, as CDS Hooks
 * 2.0 prescribes.
 *
 * <p>Checks run in a fixed order, cheapest and least trusting first: algorithm (never {@code none}
 * or HMAC), {@code typ}, {@code kid}, trusted {@code iss} (read unverified only to pick the key
 * set), the client's algorithms, {@code jku} on the allow-list <em>before</em> anything is
 * fetched, key by {@code kid}, signature; then, on verified claims, {@code aud}, {@code exp}/{@code
 * iat}/{@code nbf} with clock skew and a lifetime cap, tenant, and finally the {@code jti} replay
 * check, which records the token only once everything else passed.
 *
 * <p>Every failure is an {@link AuthenticationException} with a short reason code; the caller
 * answers 401 without detail. One WARN line per failure carries the reason, {@code iss}, {@code
 * tenant} and {@code jti} (sanitised); the token itself is never logged. Safe for concurrent use;
 * share one instance.
 */
public final class JwtAuthenticator implements ClientAuthenticator {
  private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);

  private final TrustedClients clients;
  private final Duration clockSkew;
  private final Duration maxLifetime;
  private final Clock clock;
  private final KeyResolver keys;
  private final ReplayCache replays;

  /** An authenticator on the system clock. */
  public JwtAuthenticator(AuthOptions options) {
    this(options, Clock.systemUTC());
  }

  /** An authenticator whose notion of "now" (token times, JWKS refresh) comes from {@code clock}. */
  public JwtAuthenticator(AuthOptions options, Clock clock) {
    Objects.requireNonNull(options, "options == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.clients = options.trustedClients();
    this.clockSkew = options.clockSkew();
    this.maxLifetime = options.maxLifetime();
    this.keys = new KeyResolver(clients, options, clock);
    this.replays = new ReplayCache(options.replayCacheSize(), clock);
  }

  @Override
  public CdsClient authenticate(String audience, Optional<String> authorizationHeader) {
    Objects.requireNonNull(audience, "audience == null");
    Objects.requireNonNull(authorizationHeader, "authorizationHeader == null");
    Seen seen = new Seen();
    try {
      CdsClient client = verify(audience, authorizationHeader, seen);
      // DEBUG: the request log line already names iss and tenant; one INFO line per request.
      log.debug("event=auth_ok iss={} tenant={} jti={}", seen.iss, seen.tenant, seen.jti);
      return client;
    } catch (AuthenticationException e) {
      log.warn("event=auth_rejected reason={} iss={} tenant={} jti={} detail={}",
          e.reason(), seen.iss, seen.tenant, seen.jti, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      // Fail closed. The exception message could quote token content, so only its type is logged.
      log.error("event=auth_error iss={} tenant={} jti={} exception={}",
          seen.iss, seen.tenant, seen.jti, e.getClass().getName());
      throw new AuthenticationException("internal_error", "unexpected " + e.getClass().getName());
    }
  }

  private CdsClient verify(String audience, Optional<String> header, Seen seen) {
    SignedJWT jwt = parse(BearerToken.extract(header));
    JWSHeader jws = jwt.getHeader();
    JWTClaimsSet claims = claims(jwt);
    seen.remember(claims);

    JWSAlgorithm alg = jws.getAlgorithm();
    if (!TrustedClient.isAsymmetric(alg)) {
      throw new AuthenticationException("alg_not_allowed", "alg " + alg.getName() + " is never accepted");
    }
    requireJwtType(jws.getType());
    String kid = Optional.ofNullable(jws.getKeyID()).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new AuthenticationException("malformed", "kid header missing"));
    TrustedClient client = trustedClient(claims.getIssuer());
    if (!client.algorithms().contains(alg)) {
      throw new AuthenticationException("alg_not_allowed", "alg " + alg.getName()
          + " is not configured for this client");
    }
    Optional<URI> jku = Optional.ofNullable(jws.getJWKURL());
    if (jku.isPresent() && !client.allowedJku().contains(jku.get())) {
      throw new AuthenticationException("jku_not_allowed",
          "jku " + LogSafe.clean(jku.get().toString()) + " is not on the allow-list");
    }
    JWK key = keys.find(client, jku, kid).orElseThrow(() ->
        new AuthenticationException("unknown_kid", "no key " + LogSafe.clean(kid)));
    requireValidSignature(jwt, alg, key);

    requireAudience(claims, audience);
    Instant expiry = requireTimely(claims);
    String jti = Optional.ofNullable(claims.getJWTID()).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new AuthenticationException("malformed", "jti claim missing"));
    Optional<String> tenant = requireTenant(client, claims);
    if (!replays.firstUse(client.issuer(), jti, expiry.plus(clockSkew))) {
      throw new AuthenticationException("replayed", "jti already used");
    }
    return new CdsClient(client.issuer(), tenant);
  }

  private static SignedJWT parse(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new AuthenticationException("malformed", "not a JWT");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      // An unsecured (alg none) JWT, or an encrypted one.
      throw new AuthenticationException("alg_not_allowed",
          "alg " + jwt.getHeader().getAlgorithm().getName() + " is never accepted");
    }
    return signed;
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AuthenticationException("malformed", "payload is not a JWT claims set");
    }
  }

  private static void requireJwtType(JOSEObjectType type) {
    if (type == null || !type.getType().equalsIgnoreCase("JWT")) {
      throw new AuthenticationException("bad_typ", "typ header is not JWT");
    }
  }

  private TrustedClient trustedClient(String issuer) {
    if (issuer == null || issuer.isEmpty()) {
      throw new AuthenticationException("malformed", "iss claim missing");
    }
    return clients.find(issuer).orElseThrow(() ->
        new AuthenticationException("unknown_issuer", "iss is not a trusted client"));
  }

  private static void requireValidSignature(SignedJWT jwt, JWSAlgorithm alg, JWK key) {
    if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
      throw new AuthenticationException("bad_signature", "key " + LogSafe.clean(key.getKeyID())
          + " is for " + key.getAlgorithm().getName() + ", token uses " + alg.getName());
    }
    try {
      if (!jwt.verify(verifier(alg, key))) {
        throw new AuthenticationException("bad_signature", "signature does not verify");
      }
    } catch (JOSEException e) {
      throw new AuthenticationException("bad_signature", "cannot verify: " + e.getMessage());
    }
  }

  private static JWSVerifier verifier(JWSAlgorithm alg, JWK key) throws JOSEException {
    if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)
        && Curve.forJWSAlgorithm(alg).contains(ec.getCurve())) {
      return new ECDSAVerifier(ec);
    }
    if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)
        && rsa.size() >= KeySetRules.MIN_RSA_BITS) {
      return new RSASSAVerifier(rsa);
    }
    throw new JOSEException("key type " + key.getKeyType() + " does not fit alg " + alg.getName());
  }

  private static void requireAudience(JWTClaimsSet claims, String audience) {
    if (!claims.getAudience().contains(audience)) {
      throw new AuthenticationException("wrong_audience", "aud does not name this endpoint");
    }
  }

  /** Checks the token times and returns its expiry. */
  private Instant requireTimely(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Instant expiry = instant(claims.getExpirationTime(), "exp");
    Instant issued = instant(claims.getIssueTime(), "iat");
    if (now.isAfter(expiry.plus(clockSkew))) {
      throw new AuthenticationException("expired", "exp " + expiry + " has passed at " + now);
    }
    if (issued.isAfter(now.plus(clockSkew))) {
      throw new AuthenticationException("not_yet_valid", "iat " + issued + " is in the future");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().isAfter(now.plus(clockSkew))) {
      throw new AuthenticationException("not_yet_valid", "nbf is in the future");
    }
    if (!expiry.isAfter(issued)) {
      throw new AuthenticationException("malformed", "exp is not after iat");
    }
    if (Duration.between(issued, expiry).compareTo(maxLifetime) > 0) {
      throw new AuthenticationException("lifetime_too_long", "exp - iat is "
          + Duration.between(issued, expiry).toSeconds() + " s, more than " + maxLifetime.toSeconds());
    }
    return expiry;
  }

  private static Instant instant(Date date, String claim) {
    if (date == null) {
      throw new AuthenticationException("malformed", claim + " claim missing");
    }
    return date.toInstant();
  }

  private static Optional<String> requireTenant(TrustedClient client, JWTClaimsSet claims) {
    Optional<String> tenant;
    try {
      tenant = Optional.ofNullable(claims.getStringClaim("tenant"));
    } catch (ParseException e) {
      throw new AuthenticationException("malformed", "tenant claim is not a string");
    }
    if (client.tenant().isPresent() && !client.tenant().equals(tenant)) {
      throw new AuthenticationException("wrong_tenant", "tenant is not the configured one");
    }
    return client.tenant().or(() -> tenant.filter(s -> !s.isBlank()));
  }

  /** What a failed attempt has revealed so far, for the log line; values are sanitised. */
  private static final class Seen {
    String iss = "-";
    String tenant = "-";
    String jti = "-";

    void remember(JWTClaimsSet claims) {
      Optional.ofNullable(claims.getIssuer()).ifPresent(v -> iss = LogSafe.clean(v));
      Optional.ofNullable(claims.getJWTID()).ifPresent(v -> jti = LogSafe.clean(v));
      Object tenantClaim = claims.getClaim("tenant");
      if (tenantClaim instanceof String v) {
        tenant = LogSafe.clean(v);
      }
    }
  }
}
