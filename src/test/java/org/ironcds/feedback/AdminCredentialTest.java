package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminCredentialTest {
  static final String TOKEN = "s3cret-admin-token-0123";

  private final AdminCredential credential = AdminCredential.of(Optional.of(TOKEN));

  @Test
  void permitsTheConfiguredBearerToken() {
    assertThat(credential.permits(Optional.of("Bearer " + TOKEN))).isTrue();
    assertThat(credential.permits(Optional.of("bearer  " + TOKEN + " "))).isTrue();
  }

  @Test
  void refusesAnotherTokenAMissingHeaderOrAnotherScheme() {
    assertThat(credential.permits(Optional.of("Bearer " + TOKEN + "x"))).isFalse();
    assertThat(credential.permits(Optional.of("Bearer "))).isFalse();
    assertThat(credential.permits(Optional.of("Basic " + TOKEN))).isFalse();
    assertThat(credential.permits(Optional.of(TOKEN))).isFalse();
    assertThat(credential.permits(Optional.empty())).isFalse();
  }

  @Test
  void withoutAConfiguredTokenItIsDisabledAndPermitsNothing() {
    AdminCredential none = AdminCredential.of(Optional.empty());

    assertThat(none.enabled()).isFalse();
    assertThat(none.permits(Optional.of("Bearer "))).isFalse();
    assertThat(AdminCredential.of(Optional.of("")).enabled()).isFalse();
  }

  @Test
  void refusesAShortTokenAtStartUp() {
    assertThatThrownBy(() -> AdminCredential.of(Optional.of("short")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the admin token must be at least 16 characters without whitespace");
  }

  @Test
  void neverShowsTheToken() {
    assertThat(credential.toString()).isEqualTo("AdminCredential[enabled]");
  }
}
