package org.ironcds;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ironcds.auth.AuthOptions;
import org.ironcds.auth.AuthWarmUp;
import org.ironcds.auth.ClientAuthenticator;
import org.ironcds.auth.JwtAuthenticator;
import org.ironcds.auth.TrustedClients;
import org.ironcds.cdshooks.ServiceDescriptor;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.BatchingIssuedCardLog;
import org.ironcds.cdsservice.IronIvPipeline;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.cdsservice.WarmUpGate;
import org.ironcds.chart.fhir.ChartAssembler;
import org.ironcds.config.AppConfig;
import org.ironcds.config.ConfigLoader;
import org.ironcds.feedback.AdminCredential;
import org.ironcds.feedback.FeedbackStore;
import org.ironcds.feedback.FeedbackStoreException;
import org.ironcds.feedback.RetentionPruner;
import org.ironcds.feedback.StorageOptions;
import org.ironcds.http.Endpoint;
import org.ironcds.http.FeedbackEndpoints;
import org.ironcds.http.HttpOptions;
import org.ironcds.http.HttpServer;
import org.ironcds.http.MetricsEndpoint;
import org.ironcds.knowledge.Advisor;
import org.ironcds.knowledge.Knowledge;
import org.ironcds.metrics.Metrics;
import org.ironcds.metrics.MicrometerMetrics;
import org.ironcds.prefetch.PrefetchOptions;
import org.ironcds.prefetch.PrefetchResolver;
import org.ironcds.prefetch.PrefetchTemplates;

/**
 * Everything one server process runs, wired by hand from the configuration. Building it loads and
 * checks the knowledge, migrates the database and warms up the call path, so a built application
 * is ready.
 */
record Application(HttpServer server, FeedbackStore feedback, BatchingIssuedCardLog issuedCards,
    RetentionPruner pruner, IdleWarmUp idleWarmUp) implements AutoCloseable {

  /** The clinical parts, shared by the server and the offline {@code evaluate} command. */
  record Clinical(Knowledge knowledge, PrefetchTemplates templates, ChartAssembler assembler, Advisor advisor) {
    static Clinical load(AppConfig.Knowledge config) {
      Knowledge knowledge = Knowledge.load(config.overrideDir());
      return new Clinical(knowledge, PrefetchTemplates.load(knowledge.labCodeTokens()),
          new ChartAssembler(knowledge.labCodeTokens()), new Advisor(knowledge));
    }

    ServiceCatalog catalog(PrefetchResolver resolver, IssuedCardLog log, Metrics metrics, Clock clock,
        WarmUpGate gate) {
      ServiceDescriptor sign = ServiceDescriptors.orderSign(templates.discovery());
      ServiceDescriptor select = ServiceDescriptors.orderSelect(templates.discovery());
      return new ServiceCatalog(List.of(
          new AdvisoryService(sign, pipeline(sign, resolver, metrics, gate), log, clock),
          new AdvisoryService(select, pipeline(select, resolver, metrics, gate), log, clock)));
    }

    private IronIvPipeline pipeline(ServiceDescriptor service, PrefetchResolver resolver, Metrics metrics,
        WarmUpGate gate) {
      return new IronIvPipeline(service.id(), resolver, assembler, advisor, metrics, gate);
    }
  }

  static Application build(AppConfig config, BooleanSupplier ready) {
    return build(config, ready, new StartupStages());
  }

  /**
   * Builds the application in two overlapping lines of work: the database (H2 file, schema
   * migration) on another thread once the knowledge has been checked; the knowledge, metrics and
   * warm-up on the calling thread, which then waits for the database.
   */
  static Application build(AppConfig config, BooleanSupplier ready, StartupStages stages) {
    // The metrics registry has no side effects, so it is built while the knowledge loads, when
    // the main thread alone (and the JIT) keeps the cores busy.
    StartupTask<MicrometerMetrics> metricsTask = StartupTask.start("metrics", stages, MicrometerMetrics::new);
    // The first HTTP client of a JVM loads the TLS context and its trusted certificates, a quarter
    // of a second that the main thread's warm-up need not wait for (docs/performance.md).
    PrefetchOptions prefetchOptions = prefetchOptions(config.prefetch());
    StartupTask<HttpClient> fhirClient =
        StartupTask.start("fhir_client", stages, () -> PrefetchResolver.newHttpClient(prefetchOptions));
    Clinical clinical = stages.time("knowledge", () -> Clinical.load(config.knowledge()));
    ClientAuthenticator authenticator = stages.time("auth", () -> authenticator(config.auth()));
    AdminCredential admin = AdminCredential.of(config.storage().adminToken());
    // Only now, so that an invalid knowledge override or trusted-clients file leaves nothing behind.
    StartupTask<FeedbackStore> database = StartupTask.start("database", stages, () -> openStore(config.storage()));
    FeedbackStore feedback;
    MicrometerMetrics metrics;
    // One gate for both services: it limits calls per core, whichever hook they came for. The
    // warm-ups run through it too, so the JIT meets it as real calls will.
    WarmUpGate gate = WarmUpGate.forThisJvm();
    WarmUp.Loopback loopback = null;
    HttpClient fhirHttpClient;
    try {
      metrics = metricsTask.join();
      stages.time("warmup", () -> WarmUp.runPipeline(clinical));
      if (config.auth().enabled()) {
        stages.time("warmup_auth", AuthWarmUp::run);
      }
      loopback = stages.time("warmup_http", () -> WarmUp.runHttp(clinical, config.server().warmUp(), gate));
      feedback = database.join();
      fhirHttpClient = fhirClient.join();
    } catch (RuntimeException | Error e) {
      if (loopback != null) {
        loopback.close();
      }
      closeOnceOpen(database, e);
      throw e;
    }
    PrefetchResolver resolver = new PrefetchResolver(clinical.templates(), prefetchOptions,
        new PrefetchCounters(metrics), fhirHttpClient);
    BatchingIssuedCardLog issuedCards = new BatchingIssuedCardLog(feedback, 10_000);
    ServiceCatalog catalog = clinical.catalog(resolver, issuedCards, metrics, Clock.systemUTC(), gate);
    List<String> serviceIds = catalog.services().stream().map(service -> service.descriptor().id()).toList();
    metrics.declareKnown(HttpServer.SERVICE_ROUTE, serviceIds, clinical.templates().discovery().keySet(),
        PrefetchCounters.OUTCOMES);

    AppConfig.Server s = config.server();
    HttpOptions options = new HttpOptions(s.bindAddress(), s.port(), s.publicUrl(), s.corsOrigins(),
        s.maxBodyBytes(), s.idleTimeout(), s.maxThreads());
    List<Endpoint> extra = new ArrayList<>();
    extra.add(new MetricsEndpoint(metrics::scrape, ConfigLoader.isLoopback(s.bindAddress()),
        config.observability().metricsToken()));
    extra.addAll(FeedbackEndpoints.of(catalog, feedback, admin, metrics));
    HttpServer server = stages.time("http", () -> new HttpServer(options, catalog, authenticator, ready, extra, metrics));
    metrics.gauge("ironcds.http.threads.busy", "Busy request threads", server.threadPool(), p -> p.getBusyThreads());
    metrics.gauge("ironcds.http.threads.max", "Request thread pool size", server.threadPool(), p -> p.getMaxThreads());
    metrics.gauge("ironcds.http.queue.size", "Requests waiting for a thread", server.threadPool(), p -> p.getQueueSize());
    metrics.gauge("ironcds.warmup.gate.open", "1 once the JIT warm-up gate has stepped aside", gate, g -> g.isOpen() ? 1 : 0);
    IdleWarmUp idle = loopback.whenIdle(() -> server.requestsInFlight() > 0, config.server().idleWarmUp());
    return new Application(server, feedback, issuedCards, feedback.startPruning(Duration.ofHours(6)), idle);
  }

  /** Closes the database a failed start-up was opening, so nothing is left running or locked. */
  private static void closeOnceOpen(StartupTask<FeedbackStore> database, Throwable failure) {
    try {
      database.join().close();
    } catch (RuntimeException | Error e) {
      if (e != failure) { // the database's own failure is the one being reported
        failure.addSuppressed(e);
      }
    }
  }

  private static FeedbackStore openStore(AppConfig.Storage storage) {
    try {
      return FeedbackStore.open(storageOptions(storage));
    } catch (FeedbackStoreException e) {
      throw new StartupException("Cannot open the feedback database ("
          + (storage.jdbcUrl().isPresent() ? "IRONCDS_DB_URL" : "embedded, under IRONCDS_DATA_DIR=" + storage.dataDir())
          + "): " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"));
    }
  }

  /** Starts listening; a port in use or an address that cannot be bound is a start-up error. */
  void start(AppConfig.Server config) {
    try {
      server.start();
    } catch (Exception e) {
      throw new StartupException("Cannot listen on " + config.bindAddress() + ":" + config.port()
          + " (IRONCDS_BIND, IRONCDS_PORT): " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  static ClientAuthenticator authenticator(AppConfig.Auth auth) {
    if (!auth.enabled()) {
      return ClientAuthenticator.disabled();
    }
    TrustedClients clients;
    try {
      clients = TrustedClients.load(auth.trustedClientsFile().orElseThrow());
    } catch (IOException e) {
      throw new StartupException("IRONCDS_TRUSTED_CLIENTS_FILE: cannot read " + auth.trustedClientsFile().get()
          + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new StartupException("IRONCDS_TRUSTED_CLIENTS_FILE: " + e.getMessage());
    }
    return new JwtAuthenticator(AuthOptions.defaults(clients).withClockSkew(auth.clockSkew())
        .withMaxLifetime(auth.maxTokenLifetime()).withJwksRefreshInterval(auth.jwksRefreshInterval())
        .withReplayCacheSize(auth.replayCacheSize()));
  }

  static PrefetchOptions prefetchOptions(AppConfig.Prefetch prefetch) {
    return PrefetchOptions.defaults().withDeadline(prefetch.deadline()).withRequestTimeout(prefetch.requestTimeout())
        .withPageCap(prefetch.pageCap()).withAllowedServers(prefetch.allowedServers());
  }

  static StorageOptions storageOptions(AppConfig.Storage storage) {
    StorageOptions options = StorageOptions.defaults().withDataDir(storage.dataDir())
        .withPoolSize(storage.poolSize()).withRetention(storage.retention());
    options = storage.jdbcUrl().map(options::withJdbcUrl).orElse(options);
    if (storage.user().isPresent() || storage.password().isPresent()) {
      options = options.withCredentials(storage.user().orElse(""), storage.password().orElse(""));
    }
    return options;
  }

  @Override
  public void close() throws Exception {
    idleWarmUp.close();
    server.close();
    issuedCards.close();
    pruner.close();
    feedback.close();
  }
}
