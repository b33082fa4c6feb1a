package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdsservice.ServiceDescriptors;
import org.ironcds.http.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes authentication with random and mutated tokens, directly and through the running HTTP
 * server. Tagged {@code fuzz}: the pom runs it in its own surefire execution, because Jazzer's
 * agent slows every class loaded in its JVM.
 *
 * <p>Without {@code JAZZER_FUZZ=1} each method runs its stored inputs only (regression mode). To
 * fuzz, run one method at a time, e.g. {@code JAZZER_FUZZ=1 mvn -o test
 * -Dtest='AuthFuzzTest#httpServerNeverAnswers5xx' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("fuzz")
class AuthFuzzTest {
  private static final List<String> PATHS = List.of(
      "/cds-services",
      "/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID,
      "/cds-services/" + ServiceDescriptors.ORDER_SIGN_ID + "/feedback",
      "/health");
  private static final List<String> METHODS = List.of("POST", "GET", "OPTIONS", "PUT", "HEAD");
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final JwtAuthenticator AUTHENTICATOR = JwtOverHttpTest.authenticator(CLOCK);

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = JwtOverHttpTest.startServer(JwtOverHttpTest.authenticator(CLOCK));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Whatever the header, the authenticator returns a client or refuses with a known reason. */
  @FuzzTest(maxDuration = "60s")
  void authenticatorRefusesJunkWithAKnownReason(FuzzedDataProvider data) {
    int kind = data.consumeInt();
    long number = data.consumeLong();
    String audience = TestServer.PUBLIC_BASE + data.pickValue(PATHS);
    Optional<String> header = FuzzTokens.header(kind, data.consumeRemainingAsString(), number,
        audience, CLOCK.instant());
    try {
      AUTHENTICATOR.authenticate(audience, header);
    } catch (AuthenticationException e) {
      assertThat(e.reason()).isNotEqualTo("internal_error");
    }
  }

  /** Random and mutated requests and tokens over a real socket never get a 5xx. */
  @FuzzTest(maxDuration = "60s")
  void httpServerNeverAnswers5xx(@NotNull String material, @NotNull String body,
      @NotNull String contentType, byte route, byte method, byte tokenKind, long number)
      throws IOException {
    String path = Math.floorMod(route, 8) < PATHS.size() ? PATHS.get(Math.floorMod(route, 8))
        : "/cds-services/" + pathSafe(material);
    Optional<String> authorization = FuzzTokens.header(tokenKind, material, number,
        TestServer.PUBLIC_BASE + path, CLOCK.instant());
    String verb = METHODS.get(Math.floorMod(method, METHODS.size()));

    int status = send(verb, path, authorization, contentType, body);

    assertThat(status).as("status of %s %s", verb, path).isBetween(100, 499);
  }

  private static int send(String method, String path, Optional<String> authorization,
      String contentType, String body) throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1\r\nConnection: close\r\n")
        .append("Content-Type: ").append(headerSafe(contentType)).append("\r\n")
        .append("Content-Length: ").append(content.length).append("\r\n");
    authorization.ifPresent(a -> head.append("Authorization: ").append(headerSafe(a)).append("\r\n"));
    head.append("\r\n");
    // Jazzer's SSRF detector flags every connection it was not told to expect. Its switch is set
    // here rather than once up front because the detector is only loaded once fuzzing starts.
    try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections(
            (host, port) -> port == server.port());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return status(socket.getInputStream());
    }
  }

  /** The status code of the response's status line; -1 if the server sent none. */
  private static int status(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    String[] parts = line.toString(StandardCharsets.ISO_8859_1).split(" ");
    return parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
  }

  /** Keeps the request line intact: the fuzzer aims at our code, not at Jetty's request parser. */
  private static String pathSafe(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().limit(200).forEach(c -> out.append(c > 0x20 && c < 0x7f && c != '?' && c != '#' ? (char) c : '_'));
    return out.toString();
  }

  /** Keeps one header on one line; any other byte, including non-ASCII, goes through. */
  private static String headerSafe(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c == '\r' || c == '\n' || c > 0xff ? '?' : (char) c));
    return out.toString();
  }
}
