package org.ironcds;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ironcds.config.AppConfig;
import org.ironcds.config.ConfigException;
import org.ironcds.config.ConfigLoader;
import org.ironcds.feedback.FeedbackReport;
import org.ironcds.knowledge.KnowledgeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: reads the configuration once and runs the command asked for ({@code serve} by
 * default). Wiring lives in {@link Application}.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    try {
      int exit = switch (command) {
        case "serve" -> serve(ConfigLoader.fromEnvironment());
        case "evaluate" -> Evaluate.run(ConfigLoader.offlineFromEnvironment(), rest, System.out, System.err);
        case "feedback-report" -> FeedbackReport.run(
            Application.storageOptions(ConfigLoader.offlineFromEnvironment().storage()), rest, System.out,
            System.err);
        case "healthcheck" -> healthcheck(ConfigLoader.fromEnvironment());
        case "self-test" -> SelfTest.run(System.out);
        case "help", "--help", "-h" -> usage();
        default -> {
          System.err.println("Unknown command: " + command);
          usage();
          yield 2;
        }
      };
      if (exit != 0 || !command.equals("serve")) {
        System.exit(exit);
      }
    } catch (ConfigException | StartupException | KnowledgeException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  private static int usage() {
    System.out.println("""
        Usage: java -jar iron-cds.jar [command]
          serve                 run the CDS Hooks service (default)
          evaluate FILE [--at INSTANT] [--json]
                                print the cards for a CDS Hooks request file, without a server
          feedback-report [--since DATE] [--until DATE] [--service ID] [--json]
                                print the feedback summary (see docs/feedback.md)
          healthcheck           exit 0 when the local service is ready (container health checks)
          self-test             start a throwaway instance (loopback, no auth, temporary database),
                                call each endpoint once, stop; the training run for the class archive
          help                  this text
        Configuration comes from IRONCDS_* environment variables; see README.md.""");
    return 0;
  }

  /** Asks the local server whether it is ready; used by the container health check. */
  static int healthcheck(AppConfig config) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      String host = ConfigLoader.isLoopbackOrAny(config.server().bindAddress()) ? "127.0.0.1"
          : config.server().bindAddress();
      HttpRequest request = HttpRequest.newBuilder(
              URI.create("http://" + host + ":" + config.server().port() + "/health/ready"))
          .timeout(Duration.ofSeconds(3)).GET().build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? 0 : 1;
    } catch (Exception e) {
      return 1;
    }
  }

  static int serve(AppConfig config) throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    Application application = start(config, ready);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ready.set(false); // load balancers stop sending while in-flight requests finish
      try {
        application.close();
      } catch (Exception e) {
        LOG.warn("event=shutdown_failed error={}", e.getClass().getName());
      }
    }, "shutdown"));
    application.server().join();
    return 0;
  }

  /** Builds and starts the application, then sets {@code ready} and logs the ready line with the stage times. */
  static Application start(AppConfig config, AtomicBoolean ready) throws Exception {
    long started = System.nanoTime();
    Instant launched = Instant.now();
    StartupStages stages = new StartupStages();
    stages.time("logging", () -> Logging.configure(config.observability().logFormat()));
    Application built;
    try {
      built = Application.build(config, ready::get, stages);
    } catch (IllegalArgumentException e) {
      // Options records and loaders reject bad values with messages that name them.
      throw new StartupException("Cannot start: " + e.getMessage());
    }
    Application application = built;
    try {
      stages.time("start", () -> application.start(config.server()));
    } catch (StartupException e) {
      application.close();
      throw e;
    }
    ready.set(true);
    application.idleWarmUp().start();
    LOG.info("event=ready url={} public_url={} auth={} startup_ms={} launch_ms={} stages={}",
        application.server().localUrl(), config.server().publicUrl(), config.auth().mode(),
        (System.nanoTime() - started) / 1_000_000, launchMillis(launched), stages);
    return application;
  }

  /**
   * JVM start to the start of {@code serve}: JVM boot, logging and configuration. (Not the process
   * start: a launch script that execs java would count its own time.)
   */
  private static long launchMillis(Instant serveBegan) {
    // java.management is loaded by the JVM metrics by now, so asking costs nothing.
    return serveBegan.toEpochMilli() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
