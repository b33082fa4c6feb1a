package org.ironcds.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A lean HTTP/1.1 load generator for loopback benchmarks: keep-alive sockets, request bytes encoded
 * once, minimal response parsing, so the generator costs far less CPU than the server it drives.
 *
 * <p>Closed loop: {@code concurrency} connections each send the next request when the previous one
 * answers. Open loop: requests are scheduled at a fixed rate and each latency is measured from the
 * request's <em>scheduled</em> send time, so queueing delay is counted rather than hidden.
 *
 * <pre>
 * LoadGenerator host port path body.json closed CONCURRENCY SECONDS [WARMUP_SECONDS]
 * LoadGenerator host port path body.json open RATE_PER_SECOND SECONDS [WARMUP_SECONDS] [CONNECTIONS]
 * </pre>
 *
 * <p>The warm-up runs on the same connections and, in the open loop, on the same schedule as the
 * measured seconds that follow it, and is not counted: the first calls on 64 new connections at once
 * are slower (10-150 ms from a fresh generator JVM here), and the slowest 1 % of a 20 s run at
 * 500/s is only 100 calls.
 *
 * <p>For lining up with the server's GC log ({@code -Xlog:gc:file=...:utctime}, see
 * {@link GcDuringRun}): {@code -Dwindow.file=PATH} writes the measured window as two UTC epoch
 * milliseconds, and {@code -Dslow.file=PATH} makes an open-loop run write one line per counted call
 * slower than {@code -Dslow.ms} (default 2): its scheduled send time (epoch ms) and its latency (ms).
 */
public final class LoadGenerator {
  private static final String SLOW_FILE = System.getProperty("slow.file");
  private static final String WINDOW_FILE = System.getProperty("window.file");
  private static final long SLOW_NANOS = (long) (Double.parseDouble(System.getProperty("slow.ms", "2")) * 1e6);

  private final String host;
  private final int port;
  private final byte[] request;
  private final Queue<String> slow = new ConcurrentLinkedQueue<>();

  LoadGenerator(String host, int port, String path, byte[] body) {
    this.host = host;
    this.port = port;
    String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    this.request = Arrays.copyOf(headBytes, headBytes.length + body.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
  }

  /**
   * Latencies of the counted calls, and how many calls of any kind completed within the measured
   * seconds: in an open loop the rate the server actually served, even when it fell behind.
   */
  record Result(long[] latencies, long failures, long served, double seconds, double generatorCpuShare) {
    String summary(String label) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return String.format(Locale.ROOT,
          "%-22s requests=%d failures=%d throughput=%.0f/s p50=%.3fms p90=%.3fms p99=%.3fms p99.9=%.3fms max=%.3fms generator_cpu=%.1f%%",
          label, sorted.length, failures, served / seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, 100 * generatorCpuShare);
    }

    private static double pct(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }

  /** One keep-alive connection. */
  private final class Connection implements AutoCloseable {
    private final Socket socket = new Socket();
    private final OutputStream out;
    private final InputStream in;

    Connection() throws IOException {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(10_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /** Sends the request and reads the whole response; returns the status. */
    int exchange() throws IOException {
      out.write(request);
      out.flush();
      String statusLine = readLine();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      String line;
      while (!(line = readLine()).isEmpty()) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Long.parseLong(line.substring(15).trim());
        }
      }
      if (length < 0) {
        throw new IOException("response without Content-Length");
      }
      in.skipNBytes(length);
      return status;
    }

    private String readLine() throws IOException {
      StringBuilder line = new StringBuilder(64);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /**
   * Closed loop for {@code warmup + seconds}; only calls started after the warm-up are counted, on
   * the same connections, so connection set-up and the first calls of a fresh generator stay out.
   */
  Result closed(int concurrency, double warmup, double seconds) throws Exception {
    long measureFrom = System.nanoTime() + (long) (warmup * 1e9);
    long end = measureFrom + (long) (seconds * 1e9);
    return run(concurrency, measureFrom, worker -> {
      List<Long> latencies = new ArrayList<>();
      long failures = 0;
      long served = 0;
      try (Connection connection = new Connection()) {
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          boolean ok = connection.exchange() == 200;
          served += served(measureFrom, end);
          if (start >= measureFrom) {
            latencies.add(System.nanoTime() - start);
            failures += ok ? 0 : 1;
          }
        }
      }
      return new WorkerResult(latencies, failures, served);
    }, seconds);
  }

  /**
   * Open loop at a fixed rate for {@code warmup + seconds}, one schedule throughout; only calls due
   * after the warm-up are counted (see {@link #closed}).
   */
  Result open(double ratePerSecond, double warmup, double seconds, int connections) throws Exception {
    long skipped = (long) (ratePerSecond * warmup);
    long total = skipped + (long) (ratePerSecond * seconds);
    long intervalNanos = (long) (1e9 / ratePerSecond);
    long t0 = System.nanoTime() + 50_000_000L;
    long epochNanosAtT0 = System.currentTimeMillis() * 1_000_000L + (t0 - System.nanoTime());
    long measureFrom = t0 + skipped * intervalNanos;
    // A saturated server would keep an open-loop run going for ever; past twice the planned time the
    // requests not yet sent count as failures, so the summary says the rate was not sustained.
    long measureTo = measureFrom + (long) (seconds * 1e9);
    long hardStop = measureFrom + (long) (2 * seconds * 1e9);
    if (WINDOW_FILE != null) {
      long from = (epochNanosAtT0 + skipped * intervalNanos) / 1_000_000L;
      Files.writeString(Path.of(WINDOW_FILE), from + " " + (from + (long) (seconds * 1000)) + "\n");
    }
    return run(connections, measureFrom, worker -> {
      List<Long> latencies = new ArrayList<>();
      long failures = 0;
      long served = 0;
      try (Connection connection = new Connection()) {
        // Worker w sends requests w, w+K, w+2K ... each at its own scheduled time.
        for (long n = worker; n < total; n += connections) {
          if (System.nanoTime() > hardStop) {
            failures += (total - Math.max(n, skipped) + connections - 1) / connections;
            break;
          }
          long scheduled = t0 + n * intervalNanos;
          long wait = scheduled - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          boolean ok = connection.exchange() == 200;
          served += served(measureFrom, measureTo);
          long latency = System.nanoTime() - scheduled;
          if (n >= skipped) {
            latencies.add(latency);
            failures += ok ? 0 : 1;
            if (SLOW_FILE != null && latency > SLOW_NANOS) {
              slow.add(String.format(Locale.ROOT, "%.3f %.3f", (epochNanosAtT0 + n * intervalNanos) / 1e6, latency / 1e6));
            }
          }
        }
      }
      return new WorkerResult(latencies, failures, served);
    }, seconds);
  }

  private record WorkerResult(List<Long> latencies, long failures, long served) {}

  /** 1 if the call that has just completed did so within the measured seconds. */
  private static int served(long from, long to) {
    long now = System.nanoTime();
    return now >= from && now < to ? 1 : 0;
  }

  private interface Worker {
    WorkerResult run(int worker) throws Exception;
  }

  private static Result run(int threads, long measureFrom, Worker worker, double seconds) throws Exception {
    WorkerResult[] results = new WorkerResult[threads];
    Exception[] errors = new Exception[threads];
    CountDownLatch done = new CountDownLatch(threads);
    for (int i = 0; i < threads; i++) {
      int index = i;
      Thread thread = new Thread(() -> {
        try {
          results[index] = worker.run(index);
        } catch (Exception e) {
          errors[index] = e;
        } finally {
          done.countDown();
        }
      }, "load-" + i);
      thread.start();
    }
    long wait = measureFrom - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
    long cpuBefore = processCpuNanos();
    long started = System.nanoTime();
    done.await();
    double elapsed = Math.max(seconds, (System.nanoTime() - started) / 1e9);
    double cpu = (processCpuNanos() - cpuBefore) / 1e9;
    for (Exception error : errors) {
      if (error != null) {
        throw error;
      }
    }
    long failures = 0;
    long served = 0;
    List<Long> all = new ArrayList<>();
    for (WorkerResult result : results) {
      all.addAll(result.latencies());
      failures += result.failures();
      served += result.served();
    }
    return new Result(all.stream().mapToLong(Long::longValue).toArray(), failures, served, seconds, cpu / elapsed);
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println("usage: host port path body.json closed|open CONCURRENCY|RATE SECONDS [WARMUP] [CONNECTIONS]");
      System.exit(2);
    }
    LoadGenerator generator = new LoadGenerator(args[0], Integer.parseInt(args[1]), args[2],
        Files.readAllBytes(Path.of(args[3])));
    double seconds = Double.parseDouble(args[6]);
    double warmup = args.length > 7 ? Double.parseDouble(args[7]) : 0;
    if (args[4].equals("closed")) {
      int concurrency = Integer.parseInt(args[5]);
      long from = System.currentTimeMillis() + (long) (warmup * 1000);
      if (WINDOW_FILE != null) {
        Files.writeString(Path.of(WINDOW_FILE), from + " " + (from + (long) (seconds * 1000)) + "\n");
      }
      System.out.println(generator.closed(concurrency, warmup, seconds).summary("closed c=" + concurrency));
    } else {
      double rate = Double.parseDouble(args[5]);
      int connections = args.length > 8 ? Integer.parseInt(args[8]) : 64;
      System.out.println(generator.open(rate, warmup, seconds, connections).summary("open " + (long) rate + "/s"));
      if (SLOW_FILE != null) {
        Files.write(Path.of(SLOW_FILE), generator.slow);
      }
    }
  }
}
