package org.ironcds.cdsservice;

import java.time.Instant;
import java.util.List;
import org.ironcds.cdshooks.HookRequest;

/**
 * The clinical work of one call: gather the patient's data, build the chart, run the rules, write
 * the cards. Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface CallPipeline {
  List<AdvisedCard> advise(HookRequest request, Instant now);
}
