package org.ironcds;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.ironcds.auth.AuthWarmUp;
import org.ironcds.config.ConfigLoader;

/**
 * The {@code self-test} command: starts a throwaway instance exactly as {@code serve} does, but on
 * a free loopback port, with authentication off and a database in a temporary directory; calls
 * each kind of endpoint once; and stops.
 *
 * <p>It ignores the IRONCDS_* settings so that it runs the same anywhere, including an image build
 * with no database or trusted-clients file at hand. That makes it the training run for the class
 * archive ({@code -XX:ArchiveClassesAtExit}, see docs/performance.md): the archive then holds the
 * classes that start-up and every endpoint load.
 */
final class SelfTest {
  private SelfTest() {}

  static int run(PrintStream out) throws Exception {
    Path data = Files.createTempDirectory("ironcds-self-test");
    String adminToken = UUID.randomUUID() + "-" + UUID.randomUUID();
    try {
      Map<String, String> settings = Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_BIND", "127.0.0.1",
          "IRONCDS_PORT", "0", "IRONCDS_DATA_DIR", data.toString(), "IRONCDS_ADMIN_TOKEN", adminToken);
      try (Application application = Main.start(ConfigLoader.load(settings), new AtomicBoolean())) {
        callEndpoints(application.server().localUrl(), adminToken);
      }
      // Authentication is off here, so the token checks the service warms up with when it is on
      // run once too, and their classes go into the class archive this run trains.
      AuthWarmUp.run();
      out.println("self-test: started, answered every endpoint, stopped");
      return 0;
    } finally {
      delete(data);
    }
  }

  private static void callEndpoints(URI base, String adminToken) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String service = "/cds-services/iron-antiresorptive-order-sign";
    expect(client, HttpRequest.newBuilder(base.resolve("/health/ready")).GET().build(), 200);
    expect(client, HttpRequest.newBuilder(base.resolve("/cds-services")).GET().build(), 200);
    expect(client, post(base.resolve(service), WarmUp.request()), 200);
    expect(client, post(base.resolve(service + "/feedback"), ("{\"feedback\":[{\"card\":"
        + "\"9b2f7c1e-3d4a-4b5c-8e6f-7a8b9c0d1e2f\",\"outcome\":\"overridden\","
        + "\"outcomeTimestamp\":\"2026-11-21T10:05:00Z\"}]}").getBytes()), 200);
    expect(client, HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(), 200);
    expect(client, HttpRequest.newBuilder(base.resolve("/admin/feedback/summary"))
        .header("Authorization", "Bearer " + adminToken).GET().build(), 200);
    expect(client, post(base.resolve(service), "{".getBytes()), 400);
  }

  private static HttpRequest post(URI uri, byte[] body) {
    return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static void expect(HttpClient client, HttpRequest request, int status)
      throws IOException, InterruptedException {
    int actual = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (actual != status) {
      throw new StartupException("self-test: " + request.method() + " " + request.uri().getPath()
          + " answered " + actual + ", expected " + status);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
