package org.ironcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
  @Test
  void areVersion7WithTheRfcVariantAndTheMillisecondUpFront() {
    long millis = 1_795_255_200_000L; // 2026-11-21T10:00:00Z
    UUID id = Uuids.timeOrdered(millis);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    assertThat(id.toString()).startsWith("01a1fd8c-6900-7");
  }

  @Test
  void sortByCreationTimeAndDoNotRepeat() {
    assertThat(Uuids.timeOrdered(1_000)).isLessThan(Uuids.timeOrdered(1_001));
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      assertThat(seen.add(Uuids.timeOrdered(42))).isTrue();
    }
  }
}
