package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefetchOptionsTest {
  @Test
  void defaultsAreTwoSecondsOneAndAHalfPerRequestFivePagesTenMebibytesAndNoServer() {
    PrefetchOptions options = PrefetchOptions.defaults();

    assertThat(options.deadline()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(options.pageCap()).isEqualTo(5);
    assertThat(options.maxResponseBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(options.allowedServers()).isEmpty();
  }

  @Test
  void invalidValuesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> PrefetchOptions.defaults().withDeadline(Duration.ZERO))
        .hasMessage("deadline must be positive: PT0S");
    assertThatThrownBy(() -> PrefetchOptions.defaults().withRequestTimeout(Duration.ofMillis(-1)))
        .hasMessage("requestTimeout must be positive: PT-0.001S");
    assertThatThrownBy(() -> PrefetchOptions.defaults().withPageCap(0)).hasMessage("pageCap must be at least 1: 0");
    assertThatThrownBy(() -> PrefetchOptions.defaults().withMaxResponseBytes(10))
        .hasMessage("maxResponseBytes must be at least 1024: 10");
  }

  @Test
  void badAllowListEntryFailsWhenTheResolverIsBuilt() {
    PrefetchOptions options = PrefetchOptions.defaults().withAllowedServers(List.of("https://user:pw@ehr.example.org"));

    assertThatThrownBy(() -> new PrefetchResolver(TestChart.templates(), options, PrefetchMetrics.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowed FHIR server must not contain user info (host ehr.example.org)");
  }
}
