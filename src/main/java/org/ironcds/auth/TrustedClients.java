package org.ironcds.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The set of CDS clients hospital IT trusts, keyed by {@code iss}. Immutable.
 *
 * <p>Usually loaded with {@link #load(Path)} from a JSON file (format in {@code docs/security.md}
 * and {@code docs/trusted-clients.example.json}). Every content problem is reported as an {@link
 * IllegalArgumentException} naming the entry, e.g. {@code clients[1] (iss https://ehr.example):
 * algorithm HS256 is not allowed…}, so the server fails at startup rather than at the first call.
 */
public final class TrustedClients {
  private final Map<String, TrustedClient> byIssuer;

  private TrustedClients(Map<String, TrustedClient> byIssuer) {
    this.byIssuer = byIssuer;
  }

  /** A registry of {@code clients}; rejects an empty list and duplicate issuers. */
  public static TrustedClients of(List<TrustedClient> clients) {
    Objects.requireNonNull(clients, "clients == null");
    if (clients.isEmpty()) {
      throw new IllegalArgumentException(
          "no trusted clients: with JWT authentication on, no EHR could call this service");
    }
    Map<String, TrustedClient> byIssuer = new LinkedHashMap<>();
    for (int i = 0; i < clients.size(); i++) {
      TrustedClient client = Objects.requireNonNull(clients.get(i), "clients[" + i + "] == null");
      if (byIssuer.putIfAbsent(client.issuer(), client) != null) {
        throw new IllegalArgumentException(
            "clients[" + i + "] (iss " + client.issuer() + "): iss is configured twice");
      }
    }
    return new TrustedClients(Map.copyOf(byIssuer));
  }

  /**
   * Loads a trusted-clients JSON file. A relative {@code jwksFile} is resolved against the
   * directory of {@code file}; every JWK Set file is read now, so a broken one stops startup.
   *
   * @throws IOException if {@code file} cannot be read
   * @throws IllegalArgumentException if the content is invalid; the message names the entry
   */
  public static TrustedClients load(Path file) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
    try {
      return parse(json, base);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses trusted-clients JSON; relative {@code jwksFile} paths resolve against {@code baseDir}. */
  public static TrustedClients parse(String json, Path baseDir) {
    return of(new TrustedClientsFile(baseDir).parse(json));
  }

  /** The client registered for {@code issuer}, if any. */
  public Optional<TrustedClient> find(String issuer) {
    return Optional.ofNullable(byIssuer.get(issuer));
  }

  /** Every registered client. */
  public List<TrustedClient> all() {
    return List.copyOf(byIssuer.values());
  }

  @Override
  public String toString() {
    return "TrustedClients" + byIssuer.keySet();
  }
}
