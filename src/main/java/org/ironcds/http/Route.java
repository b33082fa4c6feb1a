package org.ironcds.http;

import java.util.Objects;
import java.util.Set;

/**
 * Where an endpoint answers: a path template such as {@code /cds-services/{id}} (segments in
 * braces are parameters), the methods it accepts, and whether callers must first authenticate as a
 * CDS client (EHR) with a signed JWT.
 */
public record Route(String pathTemplate, Set<String> methods, boolean clientAuthentication) {
  public Route {
    Objects.requireNonNull(pathTemplate, "pathTemplate == null");
    methods = Set.copyOf(methods);
  }

  /** A route only authenticated CDS clients may call. */
  public static Route forClients(String pathTemplate, String... methods) {
    return new Route(pathTemplate, Set.of(methods), true);
  }

  /** A route without CDS client authentication (it may check its own credential). */
  public static Route open(String pathTemplate, String... methods) {
    return new Route(pathTemplate, Set.of(methods), false);
  }
}
