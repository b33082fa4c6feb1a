package org.ironcds.feedback;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code feedback-report} command: prints the feedback summary from the configured store.
 *
 * <pre>
 * java -jar iron-cds.jar feedback-report [--since DATE] [--until DATE] [--service ID] [--json]
 * </pre>
 *
 * <p>{@code DATE} is {@code 2026-11-01} (start of that day, UTC) or an RFC 3339 date-time with
 * offset. The embedded database can be open in one process at a time, so with it the report runs
 * while the server is stopped; with PostgreSQL it runs at any time.
 */
public final class FeedbackReport {
  static final String USAGE =
      "usage: feedback-report [--since DATE] [--until DATE] [--service ID] [--json]\n"
          + "  DATE is 2026-11-01 (start of day, UTC) or 2026-11-01T00:00:00Z";

  /** H2's "database may be already in use" error. */
  private static final int H2_DATABASE_IN_USE = 90020;

  private FeedbackReport() {}

  /**
   * Runs the report.
   *
   * @param args the arguments after {@code feedback-report}
   * @return the process exit status: 0 on success, 2 for bad arguments, 1 if the store failed
   */
  public static int run(StorageOptions options, String[] args, PrintStream out, PrintStream err) {
    Optional<String> since = Optional.empty();
    Optional<String> until = Optional.empty();
    Optional<String> service = Optional.empty();
    boolean json = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--since" -> since = Optional.of(value(args, ++i, "--since"));
          case "--until" -> until = Optional.of(value(args, ++i, "--until"));
          case "--service" -> service = Optional.of(value(args, ++i, "--service"));
          case "--json" -> json = true;
          case "--help", "-h" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      return print(options, SummaryQuery.parse(since, until, service), json, out, err);
    } catch (IllegalArgumentException e) {
      err.println("feedback-report: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[index];
  }

  private static int print(StorageOptions options, SummaryQuery query, boolean json, PrintStream out, PrintStream err) {
    try (FeedbackStore store = FeedbackStore.open(options)) {
      FeedbackSummary summary = store.summary(query);
      out.print(json ? new String(SummaryJson.write(summary), StandardCharsets.UTF_8) + "\n" : SummaryTable.render(summary));
      out.flush();
      return 0;
    } catch (FeedbackStoreException e) {
      err.println("feedback-report: " + (inUse(e)
          ? "the embedded database is in use by a running server; stop it, or ask the server: GET /admin/feedback/summary"
          : e.getMessage() + " (" + rootCause(e) + ")"));
      return 1;
    }
  }

  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
