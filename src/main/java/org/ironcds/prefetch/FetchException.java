package org.ironcds.prefetch;

import java.util.OptionalInt;

/**
 * One fetch failed. Carries the reason and, when there was one, the HTTP status; never the URL,
 * which holds the patient id, nor the token.
 */
final class FetchException extends RuntimeException {
  private final FetchFailure failure;
  private final OptionalInt status;

  FetchException(FetchFailure failure, OptionalInt status) {
    // No stack trace: these are expected outcomes, created on client threads.
    super(failure.code() + (status.isPresent() ? " (HTTP " + status.getAsInt() + ")" : ""), null, false, false);
    this.failure = failure;
    this.status = status;
  }

  FetchException(FetchFailure failure) {
    this(failure, OptionalInt.empty());
  }

  FetchFailure failure() {
    return failure;
  }

  OptionalInt status() {
    return status;
  }

  /** The failure behind {@code error}, however deeply the HTTP client wrapped it. */
  static FetchException from(Throwable error, boolean pastDeadline) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof FetchException fetch) {
        return fetch;
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        return new FetchException(pastDeadline ? FetchFailure.DEADLINE : FetchFailure.TIMEOUT);
      }
      if (cause instanceof java.util.concurrent.CancellationException) {
        return new FetchException(FetchFailure.DEADLINE);
      }
    }
    return new FetchException(pastDeadline ? FetchFailure.DEADLINE : FetchFailure.IO_ERROR);
  }
}
