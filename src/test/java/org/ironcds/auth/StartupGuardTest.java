package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "[::1]",
      "0:0:0:0:0:0:0:1", "localhost", "LOCALHOST", " localhost "})
  void authOffIsAllowedOnLoopbackWhenAskedForExplicitly(String bind) {
    assertThat(StartupGuard.isLoopback(bind)).isTrue();
    assertThatCode(() -> StartupGuard.checkAuthMode(true, bind, true)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "[::]", "", "10.0.0.5", "192.168.1.20", "172.16.0.1",
      "128.0.0.1", "127.0.0.256", "127.1", "cds.hospital.example", "localhost.evil.example",
      "fe80::1", "::2", "1:2"})
  void authOffIsRefusedOffLoopback(String bind) {
    assertThat(StartupGuard.isLoopback(bind)).isFalse();
    assertThatThrownBy(() -> StartupGuard.checkAuthMode(true, bind, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to start")
        .hasMessageContaining("'" + bind + "'")
        .hasMessageContaining("IRONCDS_AUTH_MODE=jwt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "0.0.0.0"})
  void authOffWithoutExplicitConsentIsRefusedEvenOnLoopback(String bind) {
    assertThatThrownBy(() -> StartupGuard.checkAuthMode(true, bind, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not ask for it explicitly");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "10.0.0.5", "127.0.0.1"})
  void authOnStartsAnywhere(String bind) {
    assertThatCode(() -> StartupGuard.checkAuthMode(false, bind, false))
        .doesNotThrowAnyException();
  }
}
