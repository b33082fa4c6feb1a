package org.ironcds.cdshooks;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Card and suggestion ids: version 7 UUIDs (RFC 9562), the creation millisecond followed by 74
 * random bits.
 *
 * <p>Time-ordered ids land next to each other in the issued-card store's primary-key index
 * instead of on a random page each, which halved the cost of recording a card in the embedded
 * database. They name cards, they do not protect anything (feedback on an unknown id is kept as
 * unattributed), so a fast non-cryptographic generator is enough and no request thread waits on
 * the shared {@code SecureRandom} of {@link UUID#randomUUID()}.
 */
public final class Uuids {
  private Uuids() {}

  public static UUID timeOrdered() {
    return timeOrdered(System.currentTimeMillis());
  }

  static UUID timeOrdered(long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
