package org.ironcds;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The warm-up's HTTP/1.1 client for its own server on loopback: one kept-alive connection,
 * requests written as prepared bytes, each response read to its {@code Content-Length} and
 * dropped.
 *
 * <p>Why not {@link java.net.http.HttpClient}: building the first one loads the JDK's TLS context
 * with its trusted certificates, 273 ms of the main thread at start-up in a measured run, for
 * calls that never leave loopback (docs/performance.md). The server side, which is what the warm-up is for, is the same Jetty
 * whichever client calls it.
 */
final class LoopbackClient implements AutoCloseable {
  private static final int TIMEOUT_MS = 60_000;
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  private final InetSocketAddress address;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  LoopbackClient(URI base) {
    this.address = new InetSocketAddress(base.getHost(), base.getPort());
  }

  /** A request to send with {@link #send}; {@code body} null for a GET. */
  static byte[] request(URI base, String method, String path, byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    if (body == null) {
      return headBytes;
    }
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  /**
   * Sends one request and returns the response's status once its body has been read. A
   * connection the server closed while idle is opened again, once.
   */
  int send(byte[] request) throws IOException {
    boolean fresh = socket == null;
    try {
      return exchange(request);
    } catch (IOException e) {
      close();
      if (fresh) {
        throw e;
      }
      return exchange(request);
    }
  }

  private int exchange(byte[] request) throws IOException {
    if (socket == null) {
      connect();
    }
    out.write(request);
    out.flush();
    Head head = readHead();
    in.skipNBytes(head.contentLength());
    if (head.closes()) {
      close();
    }
    return head.status();
  }

  private void connect() throws IOException {
    Socket opened = new Socket();
    try {
      opened.connect(address, TIMEOUT_MS);
      opened.setSoTimeout(TIMEOUT_MS);
      opened.setTcpNoDelay(true);
      in = new BufferedInputStream(opened.getInputStream());
      out = opened.getOutputStream();
      socket = opened;
    } catch (IOException e) {
      opened.close();
      throw e;
    }
  }

  /** The status line and headers, up to the blank line. */
  private Head readHead() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    int matched = 0; // of "\r\n\r\n"
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the warm-up server closed the connection before answering");
      }
      if (bytes.size() == MAX_HEAD_BYTES) {
        throw new IOException("the warm-up server's response head is over " + MAX_HEAD_BYTES + " bytes");
      }
      bytes.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return Head.parse(bytes.toString(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Only our own loopback connection; nothing to recover.
      }
      socket = null;
    }
  }

  /** What the client needs of a response head. */
  record Head(int status, long contentLength, boolean closes) {
    static Head parse(String head) throws IOException {
      String[] lines = head.split("\r\n");
      if (!lines[0].startsWith("HTTP/1.1 ") || lines[0].length() < 12) {
        throw new IOException("not an HTTP/1.1 status line from the warm-up server: " + lines[0]);
      }
      try {
        int status = Integer.parseInt(lines[0].substring(9, 12));
        long length = -1;
        boolean closes = false;
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          String name = colon < 0 ? "" : lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
          String value = colon < 0 ? "" : lines[i].substring(colon + 1).strip();
          if (name.equals("content-length")) {
            length = Long.parseLong(value);
          } else if (name.equals("connection")) {
            closes = value.equalsIgnoreCase("close");
          }
        }
        return checked(status, length, closes);
      } catch (NumberFormatException e) {
        throw new IOException("a malformed status or Content-Length from the warm-up server", e);
      }
    }

    private static Head checked(int status, long length, boolean closes) throws IOException {
      if (length < 0) {
        throw new IOException("the warm-up server answered " + status + " without a Content-Length");
      }
      return new Head(status, length, closes);
    }
  }
}
