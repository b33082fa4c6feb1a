package org.ironcds;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ironcds.auth.ClientAuthenticator;
import org.ironcds.cdsservice.AdvisoryService;
import org.ironcds.cdsservice.CallPipeline;
import org.ironcds.cdsservice.IssuedCardLog;
import org.ironcds.cdsservice.ServiceCatalog;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.config.AppConfig;
import org.ironcds.config.ConfigException;
import org.ironcds.config.ConfigLoader;
import org.ironcds.fhir.Fhir;
import org.ironcds.http.HttpOptions;
import org.ironcds.http.HttpServer;
import org.ironcds.http.MetricsEndpoint;
import org.ironcds.metrics.MicrometerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the configuration once, builds every part with {@code new}, and runs
 * the command asked for ({@code serve} by default).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (command) {
        case "serve" -> serve(ConfigLoader.fromEnvironment());
        case "healthcheck" -> System.exit(healthcheck(ConfigLoader.fromEnvironment()));
        case "help", "--help", "-h" -> usage();
        default -> {
          System.err.println("Unknown command: " + command);
          usage();
          System.exit(2);
        }
      }
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  private static void usage() {
    System.out.println("""
        Usage: java -jar iron-cds.jar [command]
          serve                 run the CDS Hooks service (default)
          healthcheck           exit 0 when the local service is ready (container health checks)
          help                  this text
        Configuration comes from IRONCDS_* environment variables; see README.md.""");
  }

  /** Asks the local server whether it is ready; used by the container health check. */
  static int healthcheck(AppConfig config) {
    try {
      java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
          .connectTimeout(java.time.Duration.ofSeconds(2)).build();
      String host = ConfigLoader.isLoopbackOrAny(config.server().bindAddress()) ? "127.0.0.1"
          : config.server().bindAddress();
      java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://" + host + ":" + config.server().port() + "/health/ready"))
          .timeout(java.time.Duration.ofSeconds(3)).GET().build();
      int status = client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? 0 : 1;
    } catch (Exception e) {
      return 1;
    }
  }

  static void serve(AppConfig config) throws Exception {
    long started = System.nanoTime();
    Logging.configure(config.observability().logFormat());
    AtomicBoolean ready = new AtomicBoolean(false);
    Application application = Application.build(config, ready);
    application.server().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ready.set(false);
      try {
        application.close();
      } catch (Exception e) {
        LOG.warn("shutdown failed: {}", e.getClass().getName());
      }
    }, "shutdown"));
    ready.set(true);
    LOG.info("event=ready url={} public_url={} auth={} startup_ms={}", application.server().localUrl(),
        config.server().publicUrl(), config.auth().mode(), (System.nanoTime() - started) / 1_000_000);
    application.server().join();
  }

  /** Everything one server process runs, wired by hand. */
  record Application(HttpServer server) implements AutoCloseable {
    static Application build(AppConfig config, AtomicBoolean ready) {
      Fhir.warmUp();
      MicrometerMetrics metrics = new MicrometerMetrics();
      ClientAuthenticator authenticator = ClientAuthenticator.disabled();
      Map<String, String> prefetch = new LinkedHashMap<>();
      CallPipeline pipeline = (request, now) -> List.of();
      ServiceCatalog catalog = new ServiceCatalog(List.of(
          new AdvisoryService(ServiceDescriptors.orderSign(prefetch), pipeline, IssuedCardLog.NONE, Clock.systemUTC()),
          new AdvisoryService(ServiceDescriptors.orderSelect(prefetch), pipeline, IssuedCardLog.NONE,
              Clock.systemUTC())));
      AppConfig.Server s = config.server();
      HttpOptions options = new HttpOptions(s.bindAddress(), s.port(), s.publicUrl(), s.corsOrigins(),
          s.maxBodyBytes(), s.idleTimeout(), s.maxThreads());
      MetricsEndpoint metricsEndpoint = new MetricsEndpoint(metrics::scrape,
          ConfigLoader.isLoopback(s.bindAddress()),
          config.observability().metricsToken());
      HttpServer server = new HttpServer(options, catalog, authenticator, ready::get, List.of(metricsEndpoint), metrics);
      metrics.gauge("ironcds.http.threads.busy", "Busy request threads", server.threadPool(), p -> p.getBusyThreads());
      metrics.gauge("ironcds.http.threads.max", "Request thread pool size", server.threadPool(), p -> p.getMaxThreads());
      metrics.gauge("ironcds.http.queue.size", "Requests waiting for a thread", server.threadPool(), p -> p.getQueueSize());
      return new Application(server);
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
