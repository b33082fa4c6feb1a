package org.ironcds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdshooks.InvalidRequestException;
import org.ironcds.cdsservice.CdsService;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.cdsservice.WarmUpGate;
import org.ironcds.config.AppConfig;
import org.ironcds.metrics.Metrics;
import org.ironcds.prefetch.MissingDataException;
import org.ironcds.prefetch.PrefetchMetrics;
import org.ironcds.prefetch.PrefetchOptions;
import org.ironcds.prefetch.PrefetchResolver;

/**
 * {@code evaluate <request.json> [--at INSTANT] [--json]}: prints the cards the service would return
 * for a CDS Hooks request file, without a server and without contacting any FHIR server, so the
 * request must carry its prefetch. For hospital IT and for reviewing {@code fhir-examples/}.
 */
final class Evaluate {
  private Evaluate() {}

  static int run(AppConfig config, String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println("usage: evaluate <request.json> [--at 2026-11-21T10:00:00Z] [--json]");
      return 2;
    }
    Instant at = Instant.now();
    boolean json = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> json = true;
        case "--at" -> {
          if (i + 1 >= args.length) {
            err.println("--at needs an instant such as 2026-11-21T10:00:00Z");
            return 2;
          }
          try {
            at = Instant.parse(args[++i]);
          } catch (DateTimeParseException e) {
            err.println("--at: not an instant: " + args[i]);
            return 2;
          }
        }
        default -> {
          err.println("unknown option: " + args[i]);
          return 2;
        }
      }
    }
    return evaluate(config, Path.of(args[0]), at, json, out, err);
  }

  private static int evaluate(AppConfig config, Path file, Instant at, boolean jsonOnly, PrintStream out,
      PrintStream err) {
    CdsHooksJson json = new CdsHooksJson();
    byte[] body;
    try {
      body = Files.readAllBytes(file);
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e.getClass().getSimpleName());
      return 1;
    }
    Application.Clinical clinical = Application.Clinical.load(config.knowledge());
    PrefetchResolver offline = new PrefetchResolver(clinical.templates(),
        PrefetchOptions.defaults().withAllowedServers(List.of()), PrefetchMetrics.NONE);
    ServiceCatalog catalog = clinical.catalog(offline, IssuedCardLog.NONE, Metrics.NONE, Clock.fixed(at,
        java.time.ZoneOffset.UTC), WarmUpGate.alwaysOpen());
    try {
      JsonNode tree = json.readTree(body);
      Hook hook = Hook.fromCode(tree.path("hook").asText()).orElseThrow(
          () -> new InvalidRequestException("hook", "hook must be order-sign or order-select"));
      CdsService service = catalog.discovery().services().stream().filter(d -> d.hook() == hook)
          .findFirst().flatMap(d -> catalog.find(d.id())).orElseThrow();
      HookRequest request = json.readHookRequest(body, hook);
      CdsResponse response = service.call(request, CdsClient.UNAUTHENTICATED);
      if (!jsonOnly) {
        out.println(describe(service.descriptor().id(), at, response));
      }
      out.println(new String(json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(response),
          java.nio.charset.StandardCharsets.UTF_8));
      return 0;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      err.println("cannot encode the response: " + e.getClass().getSimpleName());
      return 1;
    } catch (InvalidRequestException e) {
      err.println("invalid request at " + e.location() + ": " + e.getMessage());
      return 1;
    } catch (MissingDataException e) {
      err.println("required data missing (" + String.join(", ", e.missingKeys()) + "): " + e.getMessage()
          + "\nevaluate contacts no FHIR server; put the data in the request's prefetch.");
      return 1;
    }
  }

  private static String describe(String serviceId, Instant at, CdsResponse response) {
    StringBuilder text = new StringBuilder();
    text.append(serviceId).append(" at ").append(at).append(": ").append(response.cards().size())
        .append(response.cards().size() == 1 ? " card" : " cards").append('\n');
    for (Card card : response.cards()) {
      text.append("  [").append(card.indicator().code()).append("] ").append(card.summary());
      if (!card.suggestions().isEmpty()) {
        int count = card.suggestions().size();
        text.append("  (").append(count).append(count == 1 ? " suggestion, " : " suggestions, ")
            .append(card.selectionBehavior().orElseThrow().code()).append(')');
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** For tests: runs with only the given environment. */
  static int run(Map<String, String> environment, String[] args, PrintStream out, PrintStream err) {
    return run(org.ironcds.config.ConfigLoader.forOfflineCommand(environment), args, out, err);
  }
}
