package org.ironcds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server's garbage collector did during one load run, and how many of the run's slow calls
 * it can explain. Reads a GC log written with {@code -Xlog:gc:file=PATH:utctime} and, optionally,
 * the slow-call file of an open-loop {@link LoadGenerator} run ({@code -Dslow.file}).
 *
 * <pre>GcDuringRun gc.log FROM_EPOCH_MS TO_EPOCH_MS [slow.txt]</pre>
 *
 * <p>A slow call "overlaps" a pause when the pause ended after the call was due to be sent and
 * began before its answer arrived; such a call waited at least partly on the collector.
 */
public final class GcDuringRun {
  // [2026-11-21T21:59:03.114+0000] GC(664) Pause Young (Allocation Failure) 148M->65M(255M) 2.059ms
  private static final Pattern PAUSE = Pattern.compile("^\\[([^]]+)].*Pause (Young|Full).* ([0-9.]+)ms$");
  private static final DateTimeFormatter UTCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** One pause; the log line is written when the pause ends. */
  record Pause(double startMillis, double endMillis, boolean full) {
    double millis() {
      return endMillis - startMillis;
    }
  }

  private GcDuringRun() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: GcDuringRun gc.log FROM_EPOCH_MS TO_EPOCH_MS [slow.txt]");
      System.exit(2);
    }
    double from = Double.parseDouble(args[1]);
    double to = Double.parseDouble(args[2]);
    List<Pause> pauses = pauses(Path.of(args[0]), from, to);
    StringBuilder line = new StringBuilder("gc during run: ").append(summary(pauses, false))
        .append("; ").append(summary(pauses, true));
    if (args.length > 3) {
      List<double[]> slow = slowCalls(Path.of(args[3]));
      long overlapping = slow.stream().filter(call -> overlapsAny(call, pauses)).count();
      line.append(String.format(Locale.ROOT, "; slow calls %d, of which %d (%.0f%%) overlap a pause", slow.size(),
          overlapping, slow.isEmpty() ? 0.0 : 100.0 * overlapping / slow.size()));
    }
    System.out.println(line);
  }

  static List<Pause> pauses(Path gcLog, double from, double to) throws IOException {
    List<Pause> pauses = new ArrayList<>();
    for (String text : Files.readAllLines(gcLog)) {
      Matcher m = PAUSE.matcher(text.strip());
      if (m.matches()) {
        double end = endMillis(m.group(1), text);
        double millis = Double.parseDouble(m.group(3));
        if (end >= from && end - millis <= to) {
          pauses.add(new Pause(end - millis, end, m.group(2).equals("Full")));
        }
      }
    }
    return pauses;
  }

  private static double endMillis(String stamp, String line) {
    try {
      return OffsetDateTime.parse(stamp, UTCTIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("GC log line without a utctime stamp (write the log with "
          + "-Xlog:gc:file=PATH:utctime): " + line, e);
    }
  }

  private static String summary(List<Pause> pauses, boolean full) {
    double[] millis = pauses.stream().filter(p -> p.full() == full).mapToDouble(Pause::millis).sorted().toArray();
    String kind = full ? "full" : "young";
    if (millis.length == 0) {
      return kind + " 0";
    }
    return String.format(Locale.ROOT, "%s %d (p50 %.1f ms, max %.1f ms)", kind, millis.length,
        millis[(millis.length - 1) / 2], millis[millis.length - 1]);
  }

  private static List<double[]> slowCalls(Path file) throws IOException {
    List<double[]> calls = new ArrayList<>();
    for (String text : Files.readAllLines(file)) {
      String[] parts = text.trim().split(" ");
      if (parts.length == 2) {
        calls.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
      }
    }
    return calls;
  }

  private static boolean overlapsAny(double[] call, List<Pause> pauses) {
    double sent = call[0];
    double answered = call[0] + call[1];
    return pauses.stream().anyMatch(p -> p.endMillis() >= sent && p.startMillis() <= answered);
  }
}
