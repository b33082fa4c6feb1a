package org.ironcds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdsservice.AdvisedCard;
import org.ironcds.cdsservice.BatchingIssuedCardLog;
import org.ironcds.cdsservice.IronIvPipeline;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.cdsservice.WarmUpGate;
import org.ironcds.http.HttpServer;
import org.ironcds.metrics.Metrics;
import org.ironcds.metrics.MicrometerMetrics;
import org.ironcds.prefetch.PrefetchMetrics;
import org.ironcds.prefetch.PrefetchOptions;
import org.ironcds.prefetch.PrefetchResolver;

/**
 * Runs bundled requests through the service before it says it is ready, so the first clinician
 * does not pay for class loading and cold code paths: a check request and every example of
 * {@code fhir-examples/}.
 *
 * <p>First through the pipeline in process, which also checks that the loaded knowledge still
 * gives advice; then as HTTP calls over loopback to a {@linkplain HttpServer#forWarmUp warm-up
 * server} with the same handler chain, so Jetty, the router, the request log and the response
 * writing are warm too. Nothing is recorded as issued, no metric counts it, no request line looks
 * like traffic, and nothing contacts a FHIR server (the request carries all its prefetch). The
 * request (a ferric carboxymaltose order for a patient on denosumab with a low phosphate) fires the
 * co-therapy and switch cards. After ready, the same warm-up server serves the {@link IdleWarmUp},
 * which goes on with the same calls while the service is idle.
 */
final class WarmUp {
  private static final String REQUEST = "/warmup/order-sign.json";
  /** {@code fhir-examples/} of the source tree, bundled by the build, with its {@code expected.json} index. */
  private static final String EXAMPLES = "/warmup/examples/";
  private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z"); // the bundled request's date
  private static final int PIPELINE_ROUNDS = 5;
  private static final int HTTP_ROUNDS = 10;

  private WarmUp() {}

  /**
   * In process: the check request a few times (also the check that the knowledge gives advice),
   * then each bundled example and the whole chart once.
   */
  static void runPipeline(Application.Clinical clinical) {
    IronIvPipeline pipeline = new IronIvPipeline("warm-up", offline(clinical), clinical.assembler(),
        clinical.advisor(), Metrics.NONE, WarmUpGate.alwaysOpen());
    runPipeline(pipeline, request(), PIPELINE_ROUNDS);
    for (Call example : examples()) {
      advise(pipeline, example);
    }
    advise(pipeline, wholeChart());
  }

  /**
   * Over HTTP, to a loopback warm-up server recording into a scratch registry and an issued-card
   * log that keeps nothing: discovery once, the check request {@link #HTTP_ROUNDS} times, then
   * rounds of all the bundled calls until {@code extra} has passed (see {@code
   * IRONCDS_WARMUP_MS}): the JIT needs a few thousand calls before a call runs at full speed, far
   * more than fit in a short start-up, so a deployment that prefers fast first calls to a fast
   * start can buy them here. Over HTTP rather than in process, so Jetty's share of a call gets
   * warm too. The server stays up for the {@linkplain Loopback#whenIdle idle warm-up}.
   *
   * <p>The catalog is wired with the classes the real one uses (the system clock, a batching
   * issued-card log, the real {@link WarmUpGate}, still closed, and prefetch counters). Why: the
   * JIT compiles a call site for the classes it has seen there, and when the warm-up used others (a
   * fixed clock, a lambda as the card log, an open gate) the first real calls hit those sites, fell
   * back to the interpreter and had them recompiled (ten starts each: first call 8.9 against 6.7 ms,
   * median; see docs/performance.md). The calls are judged at the current time, so the bundled
   * requests' labs age, but the example with an active denosumab statement gives cards at any
   * date, so the card paths are always taken.
   */
  static Loopback runHttp(Application.Clinical clinical, Duration extra, WarmUpGate gate) {
    Loopback loopback = Loopback.start(new RealLike(clinical, gate));
    try {
      long until = System.nanoTime() + extra.toNanos();
      loopback.send(loopback.discovery);
      for (int i = 0; i < HTTP_ROUNDS; i++) {
        loopback.send(loopback.calls.get(0)); // the check request
      }
      do {
        loopback.sendRound();
      } while (System.nanoTime() - until < 0);
      return loopback;
    } catch (IOException e) {
      loopback.close();
      throw new StartupException("Warm-up: cannot call the warm-up server on loopback: " + e);
    } catch (RuntimeException e) {
      loopback.close();
      throw e;
    }
  }

  /**
   * The warm-up server on loopback, with a client and the bundled calls (check request, examples,
   * whole chart), from the HTTP warm-up before ready to the end of the idle warm-up after it.
   */
  static final class Loopback implements AutoCloseable {
    private final RealLike parts;
    private final HttpServer server;
    private final LoopbackClient client;
    private final byte[] discovery;
    private final List<byte[]> calls = new ArrayList<>();
    private int next;

    private Loopback(RealLike parts, HttpServer server) {
      this.parts = parts;
      this.server = server;
      URI base = server.localUrl();
      client = new LoopbackClient(base);
      discovery = LoopbackClient.request(base, "GET", "/cds-services", null);
      calls.add(post(base, serviceFor(parts.catalog(), Hook.ORDER_SIGN), request()));
      for (Call example : examples()) {
        calls.add(post(base, serviceFor(parts.catalog(), example.hook()), example.body()));
      }
      calls.add(post(base, serviceFor(parts.catalog(), Hook.ORDER_SIGN), wholeChart().body()));
    }

    private static Loopback start(RealLike parts) {
      HttpServer server = HttpServer.forWarmUp(parts.catalog(), parts.metrics());
      try {
        server.start();
      } catch (Exception e) {
        WarmUp.close(server);
        parts.close();
        throw new StartupException("Warm-up: cannot start the warm-up server on loopback: " + e);
      }
      return new Loopback(parts, server);
    }

    /**
     * The {@link IdleWarmUp} for after ready: the bundled calls in turn, while {@code busy} says no
     * request is in flight, until the real {@code gate} the catalog runs through has opened. It
     * closes this when it ends.
     */
    IdleWarmUp whenIdle(BooleanSupplier busy, Duration budget) {
      return new IdleWarmUp(this::sendNext, busy, parts.gate()::isOpen, budget, this);
    }

    private void sendRound() throws IOException {
      for (byte[] call : calls) {
        send(call);
      }
    }

    /** The next call in turn; a failure to reach the warm-up server is an {@link UncheckedIOException}. */
    private void sendNext() {
      try {
        send(calls.get(next));
        next = (next + 1) % calls.size();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void send(byte[] request) throws IOException {
      int status = client.send(request);
      if (status != 200) {
        String line = new String(request, 0, Math.min(request.length, 200), StandardCharsets.US_ASCII);
        throw new StartupException("Warm-up: " + line.substring(0, line.indexOf(" HTTP/1.1"))
            + " on the warm-up server answered " + status);
      }
    }

    @Override
    public void close() {
      client.close();
      WarmUp.close(server);
      parts.close();
    }
  }

  /**
   * A catalog wired with the classes the real one uses, recording into a scratch registry and an
   * issued-card log that keeps nothing.
   */
  private static final class RealLike implements AutoCloseable {
    private final Metrics metrics = MicrometerMetrics.scratch();
    // The real log's class, so its queueing is warm too; its writer drops what it takes, at once
    // (no linger), so the queue never fills and warns of dropped cards.
    private final BatchingIssuedCardLog keepsNothing =
        new BatchingIssuedCardLog(cards -> { }, 10_000, Duration.ZERO);
    private final WarmUpGate gate;
    private final ServiceCatalog catalog;

    RealLike(Application.Clinical clinical, WarmUpGate gate) {
      this.gate = gate;
      PrefetchResolver resolver = new PrefetchResolver(clinical.templates(), PrefetchOptions.defaults(),
          new PrefetchCounters(metrics));
      catalog = clinical.catalog(resolver, keepsNothing, metrics, Clock.systemUTC(), gate);
    }

    ServiceCatalog catalog() {
      return catalog;
    }

    Metrics metrics() {
      return metrics;
    }

    WarmUpGate gate() {
      return gate;
    }

    @Override
    public void close() {
      try {
        keepsNothing.close(Duration.ZERO); // it holds nothing worth waiting for
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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

  private static void advise(IronIvPipeline pipeline, Call call) {
    CdsHooksJson json = new CdsHooksJson();
    List<AdvisedCard> cards = pipeline.advise(json.readHookRequest(call.body(), call.hook()), AT);
    json.write(CdsResponse.of(cards.stream().map(AdvisedCard::card).toList()));
  }

  private static String serviceFor(ServiceCatalog catalog, Hook hook) {
    return catalog.services().stream().filter(s -> s.descriptor().hook() == hook)
        .findFirst().orElseThrow().descriptor().id();
  }

  private static byte[] post(URI base, String service, byte[] body) {
    return LoopbackClient.request(base, "POST", "/cds-services/" + service, body);
  }

  private static void close(HttpServer server) {
    try {
      server.close();
    } catch (Exception e) {
      // Only the warm-up's own loopback server; the service can start without it stopped cleanly.
    }
  }

  /** A bundled request and the hook it is for. */
  record Call(Hook hook, byte[] body) {}

  /** The bundled order-sign request. */
  static byte[] request() {
    return resource(REQUEST);
  }

  /**
   * The bundled examples, which reach chart and rule paths the check request does not: every
   * medication resource type, periods, text-only drugs, unit conversions, order-select.
   */
  static List<Call> examples() {
    List<Call> calls = new ArrayList<>();
    try {
      for (JsonNode example : new CdsHooksJson().mapper().readTree(resource(EXAMPLES + "expected.json"))
          .path("examples")) {
        Hook hook = example.path("service").asText().endsWith("order-select") ? Hook.ORDER_SELECT : Hook.ORDER_SIGN;
        calls.add(new Call(hook, resource(EXAMPLES + example.path("file").asText())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (calls.isEmpty()) {
      throw new IllegalStateException("no bundled examples under " + EXAMPLES);
    }
    return calls;
  }

  /**
   * One request the size of a real chart: the check request without {@code fhirServer}, its
   * prefetch Bundles holding the entries of every bundled example as well (16 medication
   * resources and 66 observations). Why: the examples alone hold up to 6 observations, so the
   * JIT compiled the chart and rule code for short lists only, and the first real chart took the
   * interpreter again. Ids get the example's number, or the chart would keep each only once;
   * Medication ids are left alone, since orders refer to them.
   */
  static Call wholeChart() {
    ObjectMapper mapper = new CdsHooksJson().mapper();
    try {
      ObjectNode chart = (ObjectNode) mapper.readTree(request());
      chart.remove(List.of("fhirServer", "fhirAuthorization"));
      ObjectNode prefetch = (ObjectNode) chart.get("prefetch");
      int number = 0;
      for (Call example : examples()) {
        number++;
        JsonNode examplePrefetch = mapper.readTree(example.body()).path("prefetch");
        for (Iterator<Map.Entry<String, JsonNode>> keys = examplePrefetch.fields(); keys.hasNext(); ) {
          Map.Entry<String, JsonNode> key = keys.next();
          if (key.getValue().has("entry") && prefetch.path(key.getKey()).has("entry")) {
            ArrayNode entries = (ArrayNode) prefetch.get(key.getKey()).get("entry");
            for (JsonNode entry : key.getValue().get("entry")) {
              entries.add(renumbered(entry.deepCopy(), number));
            }
          }
        }
      }
      return new Call(Hook.ORDER_SIGN, mapper.writeValueAsBytes(chart));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode renumbered(JsonNode entry, int number) {
    JsonNode resource = entry.path("resource");
    if (resource.isObject() && resource.has("id") && !resource.path("resourceType").asText().equals("Medication")) {
      ((ObjectNode) resource).put("id", resource.get("id").asText() + "-" + number);
    }
    return entry;
  }

  private static byte[] resource(String name) {
    try (InputStream in = WarmUp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
