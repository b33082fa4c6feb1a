package org.ironcds.cdsservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ironcds.cdshooks.DiscoveryDocument;

/** The services this server offers, in discovery order. Ids must be distinct. */
public final class ServiceCatalog {
  private final Map<String, CdsService> byId = new LinkedHashMap<>();
  private final DiscoveryDocument discovery;

  public ServiceCatalog(List<CdsService> services) {
    for (CdsService service : services) {
      String id = service.descriptor().id();
      if (byId.putIfAbsent(id, service) != null) {
        throw new IllegalArgumentException("two services share the id " + id);
      }
    }
    this.discovery = new DiscoveryDocument(services.stream().map(CdsService::descriptor).toList());
  }

  /** The services in discovery order. */
  public List<CdsService> services() {
    return List.copyOf(byId.values());
  }

  public Optional<CdsService> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public DiscoveryDocument discovery() {
    return discovery;
  }
}
