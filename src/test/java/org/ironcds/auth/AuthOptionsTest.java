package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthOptionsTest {
  private static final TrustedClients CLIENTS = TrustedClients.of(List.of(
      TrustedClient.of(Tokens.ISSUER, new JwksSource.Inline(TestKeys.publicSet(TestKeys.EC)))));

  @Test
  void defaultsMatchTheDocumentedValues() {
    AuthOptions options = AuthOptions.defaults(CLIENTS);

    assertThat(options.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.maxLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.replayCacheSize()).isEqualTo(100_000);
    assertThat(options.jwksRefreshInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.jwksMaxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(options.fetchTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void withersChangeOneSettingEach() {
    AuthOptions options = AuthOptions.defaults(CLIENTS)
        .withClockSkew(Duration.ZERO)
        .withMaxLifetime(Duration.ofMinutes(1))
        .withReplayCacheSize(10)
        .withJwksRefreshInterval(Duration.ofSeconds(1))
        .withJwksMaxAge(Duration.ofMinutes(10))
        .withFetchTimeout(Duration.ofMillis(500));

    assertThat(options).isEqualTo(new AuthOptions(CLIENTS, Duration.ZERO, Duration.ofMinutes(1), 10,
        Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofMillis(500)));
  }

  @Test
  void negativeSkewIsRejected() {
    assertThatThrownBy(() -> AuthOptions.defaults(CLIENTS).withClockSkew(Duration.ofSeconds(-1)))
        .hasMessage("clockSkew is negative: PT-1S");
  }

  @Test
  void zeroLifetimeAndEmptyReplayCacheAreRejected() {
    assertThatThrownBy(() -> AuthOptions.defaults(CLIENTS).withMaxLifetime(Duration.ZERO))
        .hasMessage("maxLifetime is zero");
    assertThatThrownBy(() -> AuthOptions.defaults(CLIENTS).withReplayCacheSize(0))
        .hasMessage("replayCacheSize < 1: 0");
  }
}
