package org.ironcds.http;

import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.feedback.AdminCredential;
import org.ironcds.feedback.FeedbackStore;
import org.ironcds.feedback.FeedbackStoreException;
import org.ironcds.feedback.SummaryJson;
import org.ironcds.feedback.SummaryQuery;

/**
 * {@code GET /admin/feedback/summary[?since=…&until=…&service=…]}: the feedback summary as JSON
 * (shape in {@code docs/feedback.md}). Guarded by the admin bearer token, not by EHR JWTs; without a
 * configured token the endpoint does not exist (404).
 */
final class FeedbackSummaryEndpoint implements Endpoint {
  private static final Route ROUTE = Route.open("/admin/feedback/summary", "GET");
  private final FeedbackStore store;
  private final AdminCredential credential;

  FeedbackSummaryEndpoint(FeedbackStore store, AdminCredential credential) {
    this.store = store;
    this.credential = credential;
  }

  @Override
  public Route route() {
    return ROUTE;
  }

  @Override
  public Reply handle(Exchange exchange, CdsClient client) {
    if (!credential.enabled()) {
      throw new HttpError(404, "not-found", "No resource at this path");
    }
    if (!credential.permits(exchange.header(HttpHeader.AUTHORIZATION.asString()))) {
      exchange.log("auth_failure", "admin_token");
      throw new HttpError(401, "login", "Authentication required",
          Map.of("WWW-Authenticate", "Bearer realm=\"iron-cds-admin\""));
    }
    SummaryQuery query;
    try {
      query = SummaryQuery.parse(exchange.queryParameter("since"), exchange.queryParameter("until"),
          exchange.queryParameter("service"));
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "invalid", e.getMessage());
    }
    try {
      return Reply.json(200, SummaryJson.write(store.summary(query)));
    } catch (FeedbackStoreException e) {
      throw new HttpError(503, "transient", "The feedback store is unavailable; retry later");
    }
  }
}
