package org.ironcds.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestLogTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0.00", "4999, 0.00", "5000, 0.01", "1234567, 1.23", "1235000, 1.24", "10000000, 10.00",
    "999994999, 999.99", "999995000, 1000.00", "-5, 0.00"
  })
  void latencyIsMillisecondsWithTwoDecimalsRoundedHalfUp(long nanos, String expected) {
    assertThat(RequestLog.appendMillis(new StringBuilder(), nanos).toString()).isEqualTo(expected);
  }
}
