package org.ironcds.http;

import java.util.List;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.feedback.AdminCredential;
import org.ironcds.feedback.FeedbackStore;
import org.ironcds.metrics.Metrics;

/** The feedback routes, for {@link HttpServer}'s extra endpoints: feedback posts and the admin summary. */
public final class FeedbackEndpoints {
  private FeedbackEndpoints() {}

  public static List<Endpoint> of(ServiceCatalog catalog, FeedbackStore store, AdminCredential admin) {
    return of(catalog, store, admin, Metrics.NONE);
  }

  /** As above, counting each newly stored item by outcome in {@code metrics}. */
  public static List<Endpoint> of(ServiceCatalog catalog, FeedbackStore store, AdminCredential admin,
      Metrics metrics) {
    return List.of(new FeedbackEndpoint(catalog, new CdsHooksJson(), store, metrics),
        new FeedbackSummaryEndpoint(store, admin));
  }
}
