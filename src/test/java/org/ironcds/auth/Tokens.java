package org.ironcds.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Builds client tokens for tests: by default a valid CDS Hooks JWT from {@link #ISSUER} for
 * {@link #SERVICE_URL}, issued now and valid for five minutes, as the sandbox sends it.
 */
final class Tokens {
  static final String ISSUER = "https://ehr.hospital.example";
  static final String BASE_URL = "https://cds.hospital.example/cds-services";
  static final String SERVICE_URL = BASE_URL + "/iron-order-sign";
  static final String FEEDBACK_URL = SERVICE_URL + "/feedback";

  private final JWSAlgorithm alg;
  private final JWK key;
  private String kid;
  private JOSEObjectType typ = JOSEObjectType.JWT;
  private URI jku;
  private final JWTClaimsSet.Builder claims;

  private Tokens(JWSAlgorithm alg, JWK key, Instant now) {
    this.alg = alg;
    this.key = key;
    this.kid = key.getKeyID();
    this.claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(SERVICE_URL)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString());
  }

  static Tokens es384(ECKey key, Instant now) {
    return new Tokens(JWSAlgorithm.ES384, key, now);
  }

  static Tokens rs384(RSAKey key, Instant now) {
    return new Tokens(JWSAlgorithm.RS384, key, now);
  }

  static Tokens signedWith(JWSAlgorithm alg, JWK key, Instant now) {
    return new Tokens(alg, key, now);
  }

  Tokens kid(String value) {
    this.kid = value;
    return this;
  }

  Tokens typ(String value) {
    this.typ = value == null ? null : new JOSEObjectType(value);
    return this;
  }

  Tokens jku(String value) {
    this.jku = URI.create(value);
    return this;
  }

  Tokens issuer(String value) {
    claims.issuer(value);
    return this;
  }

  Tokens audience(String value) {
    claims.audience(value);
    return this;
  }

  Tokens audience(List<String> values) {
    claims.audience(values);
    return this;
  }

  Tokens issuedAt(Instant value) {
    claims.issueTime(value == null ? null : Date.from(value));
    return this;
  }

  Tokens expiresAt(Instant value) {
    claims.expirationTime(value == null ? null : Date.from(value));
    return this;
  }

  Tokens lifetime(Instant issued, Duration lifetime) {
    return issuedAt(issued).expiresAt(issued.plus(lifetime));
  }

  Tokens jti(String value) {
    claims.jwtID(value);
    return this;
  }

  Tokens claim(String name, Object value) {
    claims.claim(name, value);
    return this;
  }

  JWSHeader header() {
    return new JWSHeader.Builder(alg).keyID(kid).type(typ).jwkURL(jku).build();
  }

  JWTClaimsSet claimsSet() {
    return claims.build();
  }

  /** The signed compact token. */
  String sign() {
    SignedJWT jwt = new SignedJWT(header(), claimsSet());
    try {
      jwt.sign(signer());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** An unsecured token ({@code alg: none}) with the same claims. */
  String unsecured() {
    return new PlainJWT(claimsSet()).serialize();
  }

  /**
   * The classic key-confusion attack: HS256 with the client's public key (its JSON form) as the
   * HMAC secret, hoping the server verifies with "whatever key it has".
   */
  String hs256WithPublicKeyAsSecret() {
    try {
      byte[] secret = key.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      SignedJWT jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(typ).build(), claimsSet());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private JWSSigner signer() throws JOSEException {
    if (key instanceof ECKey ec) {
      return new ECDSASigner(ec);
    }
    return new RSASSASigner((RSAKey) key);
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }
}
