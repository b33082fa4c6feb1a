package org.ironcds.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server ({@code org.ironcds.Main serve}) in a separate JVM on the test class path, with
 * authentication off on loopback, a random port and the given data directory.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("event=ready url=http://127\\.0\\.0\\.1:(\\d+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServerProcess start(Path dataDir, String adminToken) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "org.ironcds.Main", "serve");
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("IRONCDS_"));
    env.put("IRONCDS_AUTH_MODE", "off");
    env.put("IRONCDS_BIND", "127.0.0.1");
    env.put("IRONCDS_PORT", "0");
    env.put("IRONCDS_DATA_DIR", dataDir.toString());
    env.put("IRONCDS_ADMIN_TOKEN", adminToken);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    List<String> output = new ArrayList<>();
    Thread reader = new Thread(() -> readOutput(process, port, output), "server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(process, port.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      synchronized (output) {
        throw new AssertionError("server did not become ready; output:\n" + String.join("\n", output), e);
      }
    }
  }

  private static void readOutput(Process process, CompletableFuture<Integer> port, List<String> output) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        Matcher ready = READY.matcher(line);
        if (ready.find()) {
          port.complete(Integer.parseInt(ready.group(1)));
        }
      }
      port.completeExceptionally(new IllegalStateException("server exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      port.completeExceptionally(e);
    }
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + bearer).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Sends SIGKILL: no shutdown hook, no pool close, no database close. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  @Override
  public void close() {
    process.destroy();
    if (!awaitExit()) {
      kill();
    }
  }

  private boolean awaitExit() {
    try {
      return process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
