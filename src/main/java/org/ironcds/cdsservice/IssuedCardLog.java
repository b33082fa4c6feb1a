package org.ironcds.cdsservice;

import java.util.List;

/** Where issued cards are recorded so later feedback can be attributed to them. */
public interface IssuedCardLog {
  IssuedCardLog NONE = cards -> {};

  void record(List<IssuedCard> cards);
}
