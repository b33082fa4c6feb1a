package org.ironcds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LoopbackClient} against the JDK's own HTTP server on loopback. */
class LoopbackClientTest {
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void callsGoOutOnOneKeptAliveConnectionWithTheirBodies() throws IOException {
    URI base = start();
    try (LoopbackClient client = new LoopbackClient(base)) {
      assertThat(client.send(LoopbackClient.request(base, "GET", "/echo", null))).isEqualTo(200);
      assertThat(client.send(LoopbackClient.request(base, "POST", "/echo", bytes("{\"a\":1}")))).isEqualTo(200);
      assertThat(client.send(LoopbackClient.request(base, "POST", "/missing", bytes("{}")))).isEqualTo(404);
    }
    assertThat(bodies).containsExactly("GET ", "POST {\"a\":1}");
    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void aConnectionTheServerClosesIsOpenedAgain() throws IOException {
    URI base = start();
    try (LoopbackClient client = new LoopbackClient(base)) {
      assertThat(client.send(LoopbackClient.request(base, "GET", "/close", null))).isEqualTo(200);
      assertThat(client.send(LoopbackClient.request(base, "GET", "/close", null))).isEqualTo(200);
    }
    assertThat(clientPorts).hasSize(2);
  }

  @Test
  void aKeptConnectionDroppedWhileIdleIsOpenedAgainOnce() throws IOException {
    // Answers each connection's first request, then drops it without saying so, as an idle timeout does.
    try (ServerSocket dropping = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> answerOnceThenDrop(dropping, 2));
      serving.start();
      URI base = URI.create("http://127.0.0.1:" + dropping.getLocalPort());
      try (LoopbackClient client = new LoopbackClient(base)) {
        assertThat(client.send(LoopbackClient.request(base, "GET", "/", null))).isEqualTo(200);
        assertThat(client.send(LoopbackClient.request(base, "GET", "/", null))).isEqualTo(200);
      }
    }
  }

  @Test
  void aResponseWithoutContentLengthIsRefused() throws IOException {
    URI base = start();
    try (LoopbackClient client = new LoopbackClient(base)) {
      assertThatThrownBy(() -> client.send(LoopbackClient.request(base, "GET", "/chunked", null)))
          .isInstanceOf(IOException.class).hasMessageContaining("without a Content-Length");
    }
  }

  @Test
  void noServerIsAnErrorNotAWait() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port);
    try (LoopbackClient client = new LoopbackClient(base)) {
      assertThatThrownBy(() -> client.send(LoopbackClient.request(base, "GET", "/", null)))
          .isInstanceOf(IOException.class);
    }
  }

  private URI start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/echo", exchange -> {
      bodies.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8));
      respond(exchange, 200, "ok");
    });
    server.createContext("/missing", exchange -> respond(exchange, 404, "no"));
    server.createContext("/close", exchange -> {
      exchange.getResponseHeaders().set("Connection", "close");
      respond(exchange, 200, "bye");
    });
    server.createContext("/chunked", exchange -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      exchange.sendResponseHeaders(200, 0); // 0: chunked, no Content-Length
      exchange.getResponseBody().write(bytes("streamed"));
      exchange.close();
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void respond(HttpExchange exchange, int status, String body) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    byte[] bytes = bytes(body);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void answerOnceThenDrop(ServerSocket server, int connections) {
    for (int i = 0; i < connections; i++) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) { // the request head, up to its blank line
          int b = in.read();
          if (b < 0) {
            return;
          }
          matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : 0;
        }
        socket.getOutputStream().write(bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        socket.getOutputStream().flush();
        Thread.sleep(50); // the client reads the answer before the connection goes
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
