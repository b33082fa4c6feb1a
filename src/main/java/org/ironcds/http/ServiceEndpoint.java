package org.ironcds.http;

import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdsservice.CdsService;
import org.ironcds.cdsservice.ServiceCatalog;

/** {@code POST /cds-services/{id}}: one hook call, validated for the service's hook. */
final class ServiceEndpoint implements Endpoint {
  /** The route template hook calls are counted under in metrics and the request log. */
  static final String ROUTE_TEMPLATE = "/cds-services/{id}";
  private static final Route ROUTE = Route.forClients(ROUTE_TEMPLATE, "POST");
  private final ServiceCatalog catalog;
  private final CdsHooksJson json;

  ServiceEndpoint(ServiceCatalog catalog, CdsHooksJson json) {
    this.catalog = catalog;
    this.json = json;
  }

  @Override
  public Route route() {
    return ROUTE;
  }

  @Override
  public Reply handle(Exchange exchange, CdsClient client) {
    CdsService service = findService(catalog, exchange);
    exchange.requireJsonBody();
    HookRequest request = exchange.readBody(body -> json.readHookRequest(body, service.descriptor().hook()));
    exchange.log("hookInstance", request.hookInstance());
    CdsResponse response = service.call(request, client);
    exchange.log("cards", response.cards().size());
    return Reply.json(200, json.write(response));
  }

  /** The service named by the {@code id} path parameter, or a 404. */
  static CdsService findService(ServiceCatalog catalog, Exchange exchange) {
    String id = exchange.pathParameter("id");
    CdsService service = catalog.find(id)
        .orElseThrow(() -> new HttpError(404, "not-found", "No CDS service with this id"));
    exchange.log("service", service.descriptor().id());
    return service;
  }
}
