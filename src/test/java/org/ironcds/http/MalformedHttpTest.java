package org.ironcds.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors Jetty raises before our router runs still answer with an OperationOutcome, not HTML. */
class MalformedHttpTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.builder(List.of()).start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Stream<Arguments> malformedRequests() {
    return Stream.of(
        Arguments.of("garbage request line", "GARBAGE\r\n\r\n", 400),
        Arguments.of("bad percent-encoding", "GET /cds-services/%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        Arguments.of("path traversal", "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        Arguments.of("oversized header",
            "GET /cds-services HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRequests")
  void jettyErrorsAreOperationOutcomes(String name, String request, int status) throws Exception {
    String response = exchange(request);
    assertThat(response).startsWith("HTTP/1.1 " + status);
    assertThat(response).contains("application/fhir+json", "\"resourceType\":\"OperationOutcome\"");
    assertThat(response).doesNotContain("<html", "Exception", "at org.");
  }

  private static String exchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          if (out.toString(StandardCharsets.ISO_8859_1).contains("}]}")) {
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        // keep-alive: the server waits for the next request; what arrived is the answer
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
