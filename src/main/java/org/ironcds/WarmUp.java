package org.ironcds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdsservice.AdvisedCard;
import org.ironcds.cdsservice.IronIvPipeline;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.http.HttpServer;
import org.ironcds.metrics.Metrics;
import org.ironcds.metrics.MicrometerMetrics;
import org.ironcds.prefetch.PrefetchMetrics;
import org.ironcds.prefetch.PrefetchOptions;
import org.ironcds.prefetch.PrefetchResolver;

/**
 * Runs a bundled order-sign request through the service before it says it is ready, so the first
 * clinician does not pay for class loading and cold code paths.
 *
 * <p>First through the pipeline in process, which also checks that the loaded knowledge still
 * gives advice; then as HTTP calls over loopback to a {@linkplain HttpServer#forWarmUp warm-up
 * server} with the same handler chain, so Jetty, the router, the request log and the response
 * writing are warm too. Nothing is recorded as issued, no metric counts it, no request line looks
 * like traffic, and nothing contacts a FHIR server (the request carries all its prefetch). The
 * request (a ferric carboxymaltose order for a patient on denosumab with a low phosphate) fires the
 * co-therapy and switch cards.
 */
final class WarmUp {
  private static final String REQUEST = "/warmup/order-sign.json";
  private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z"); // the bundled request's date
  private static final int PIPELINE_ROUNDS = 5;
  private static final int HTTP_ROUNDS = 10;

  private WarmUp() {}

  /** In process: also the check that the knowledge gives advice. */
  static void runPipeline(Application.Clinical clinical) {
    IronIvPipeline pipeline = new IronIvPipeline("warm-up", offline(clinical), clinical.assembler(),
        clinical.advisor(), Metrics.NONE);
    runPipeline(pipeline, request(), PIPELINE_ROUNDS);
  }

  /** Over HTTP, recording into a scratch registry and no issued-card log. */
  static void runHttp(Application.Clinical clinical) {
    Metrics scratch = MicrometerMetrics.scratch();
    ServiceCatalog catalog = clinical.catalog(offline(clinical), IssuedCardLog.NONE, scratch,
        Clock.fixed(AT, ZoneOffset.UTC));
    runHttp(catalog, scratch, request(), HTTP_ROUNDS);
  }

  /** Its own resolver: no metrics, and no server it could contact. */
  private static PrefetchResolver offline(Application.Clinical clinical) {
    return new PrefetchResolver(clinical.templates(), PrefetchOptions.defaults(), PrefetchMetrics.NONE);
  }

  static void runPipeline(IronIvPipeline pipeline, byte[] body, int rounds) {
    CdsHooksJson json = new CdsHooksJson();
    for (int i = 0; i < rounds; i++) {
      HookRequest request = json.readHookRequest(body, Hook.ORDER_SIGN);
      List<AdvisedCard> cards = pipeline.advise(request, AT);
      if (cards.isEmpty()) {
        throw new StartupException("Warm-up: the bundled check request gave no card; the knowledge"
            + " configuration (IRONCDS_KNOWLEDGE_DIR) no longer recognises denosumab with ferric carboxymaltose");
      }
      json.write(CdsResponse.of(cards.stream().map(AdvisedCard::card).toList()));
    }
  }

  /** Calls the warm-up server's discovery once and the order-sign service {@code rounds} times. */
  static void runHttp(ServiceCatalog catalog, Metrics metrics, byte[] body, int rounds) {
    String service = catalog.services().stream().filter(s -> s.descriptor().hook() == Hook.ORDER_SIGN)
        .findFirst().orElseThrow().descriptor().id();
    HttpServer server = HttpServer.forWarmUp(catalog, metrics);
    try {
      server.start();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = server.localUrl();
      send(client, HttpRequest.newBuilder(base.resolve("/cds-services")).GET().build());
      HttpRequest call = HttpRequest.newBuilder(base.resolve("/cds-services/" + service))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      for (int i = 0; i < rounds; i++) {
        send(client, call);
      }
    } catch (IOException | InterruptedException e) {
      throw new StartupException("Warm-up: cannot call the warm-up server on loopback: " + e);
    } catch (StartupException e) {
      throw e;
    } catch (Exception e) {
      throw new StartupException("Warm-up: cannot start the warm-up server on loopback: " + e);
    } finally {
      close(server);
    }
  }

  private static void send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
    int status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    if (status != 200) {
      throw new StartupException("Warm-up: " + request.method() + " " + request.uri().getPath()
          + " on the warm-up server answered " + status);
    }
  }

  private static void close(HttpServer server) {
    try {
      server.close();
    } catch (Exception e) {
      // Only the warm-up's own loopback server; the service can start without it stopped cleanly.
    }
  }

  /** The bundled order-sign request. */
  static byte[] request() {
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
