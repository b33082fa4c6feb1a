package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Authentication logs name iss, tenant, jti and reason, and never any part of a token. */
class AuthLogPrivacyTest {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("org.ironcds.auth");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T15:30:00Z"));
  private final JwtAuthenticator authenticator = JwtOverHttpTest.authenticator(clock);
  private final List<String> tokens = new ArrayList<>();

  private ch.qos.logback.classic.Level previousLevel;

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
    // DEBUG too: accepted tokens are logged at DEBUG, and no level may carry a token.
    previousLevel = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
  }

  @Test
  void acceptedAndRejectedTokensLeaveNoTokenPartsInTheLog() {
    String valid = es384().jti("jti-visible").claim("tenant", "north").sign();
    call(valid);
    call(valid);
    call(es384().audience(Tokens.BASE_URL).sign());
    call(es384().kid("unknown").sign());
    call(es384().hs256WithPublicKeyAsSecret());
    call(es384().unsecured());
    call(es384().issuer("https://evil.example").sign());

    String log = logText();
    assertThat(log).contains("event=auth_ok", "jti=jti-visible", "tenant=north",
        "reason=replayed", "reason=wrong_audience", "reason=unknown_kid", "reason=alg_not_allowed",
        "reason=unknown_issuer", "iss=" + Tokens.ISSUER);
    for (String token : tokens) {
      for (String part : token.split("\\.")) {
        if (part.length() > 12) {
          assertThat(log).doesNotContain(part);
        }
      }
    }
  }

  @Test
  void valuesFromUnverifiedTokensCannotForgeLogLines() {
    call(es384().issuer("https://evil.example\nevent=auth_ok iss=https://ehr.hospital.example")
        .jti("x\r\ny\u202e").sign());

    String log = logText();
    assertThat(log).doesNotContain("\n", "\r", "\u202e");
    assertThat(log).contains("iss=https://evil.example?event=auth_ok?iss=https://ehr");
  }

  private void call(String token) {
    tokens.add(token);
    catchThrowable(() -> authenticator.authenticate(Tokens.SERVICE_URL,
        Optional.of(Tokens.bearer(token))));
  }

  private Tokens es384() {
    return Tokens.es384(TestKeys.EC, clock.instant());
  }

  private String logText() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.joining(" | "));
  }
}
