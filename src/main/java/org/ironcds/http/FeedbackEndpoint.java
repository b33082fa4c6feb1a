package org.ironcds.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.FeedbackJson;
import org.ironcds.cdshooks.FeedbackRequest;
import org.ironcds.cdsservice.CdsService;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.feedback.FeedbackStore;
import org.ironcds.metrics.Metrics;
import org.ironcds.feedback.FeedbackStoreException;

/**
 * {@code POST /cds-services/{id}/feedback}: validates every item, then answers 200 {@code {}} only
 * once the batch has committed. A repeat of stored feedback also gets 200. If the store cannot
 * commit, the answer is 503 so the EHR may retry; nothing of the batch is stored then.
 */
final class FeedbackEndpoint implements Endpoint {
  private static final Route ROUTE = Route.forClients("/cds-services/{id}/feedback", "POST");
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final ServiceCatalog catalog;
  private final FeedbackJson json;
  private final FeedbackStore store;

  private final Metrics metrics;

  FeedbackEndpoint(ServiceCatalog catalog, CdsHooksJson json, FeedbackStore store, Metrics metrics) {
    this.metrics = metrics;
    this.catalog = catalog;
    this.json = new FeedbackJson(json);
    this.store = store;
  }

  @Override
  public Route route() {
    return ROUTE;
  }

  @Override
  public Reply handle(Exchange exchange, CdsClient client) {
    CdsService service = ServiceEndpoint.findService(catalog, exchange);
    exchange.requireJsonBody();
    FeedbackRequest request = exchange.readBody(json::read);
    exchange.log("feedback_items", request.feedback().size());
    try {
      int stored = store.store(service.descriptor().id(), client, request.feedback());
      exchange.log("feedback_new", stored);
      // Counted per posted item once committed; repeats are counted again, which the "new" log field tells apart.
      request.feedback().forEach(item -> metrics.feedbackStored(item.outcome().code()));
    } catch (FeedbackStoreException e) {
      throw new HttpError(503, "transient", "Feedback could not be stored; retry later", Map.of("Retry-After", "30"));
    }
    return Reply.json(200, EMPTY_OBJECT);
  }
}
