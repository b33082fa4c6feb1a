package org.ironcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdsservice.AdvisedCard;
import org.ironcds.cdsservice.IronIvPipeline;

/**
 * Runs a bundled order-sign request through the real pipeline a few times before the service says
 * it is ready, so the first clinician does not pay for class loading and cold code paths.
 *
 * <p>It calls the pipeline, not a service, so nothing is recorded as issued and no metric counts
 * it. The request (a ferric carboxymaltose order for a patient on denosumab with a low phosphate)
 * fires the co-therapy and switch cards, exercising parsing, the chart, the rules, card writing and
 * response encoding; the run also checks that the loaded knowledge still gives advice.
 */
final class WarmUp {
  private static final String REQUEST = "/warmup/order-sign.json";

  private WarmUp() {}

  static void run(IronIvPipeline pipeline, int rounds) {
    CdsHooksJson json = new CdsHooksJson();
    byte[] body = read();
    Instant at = Instant.parse("2026-11-21T10:00:00Z"); // the moment the bundled request is dated for
    for (int i = 0; i < rounds; i++) {
      HookRequest request = json.readHookRequest(body, Hook.ORDER_SIGN);
      List<AdvisedCard> cards = pipeline.advise(request, at);
      if (cards.isEmpty()) {
        throw new StartupException("Warm-up: the bundled check request gave no card; the knowledge"
            + " configuration (IRONCDS_KNOWLEDGE_DIR) no longer recognises denosumab with ferric carboxymaltose");
      }
      json.write(CdsResponse.of(cards.stream().map(AdvisedCard::card).toList()));
    }
  }

  private static byte[] read() {
    try (InputStream in = WarmUp.class.getResourceAsStream(REQUEST)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + REQUEST);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
