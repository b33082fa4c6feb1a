package org.ironcds.httpclient;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Reads a response body into memory up to a byte limit, so one huge or endless answer cannot
 * exhaust the heap. Bodies of non-2xx responses are discarded unread.
 */
public final class CappedBody implements BodySubscriber<byte[]> {
  private final long limit;
  private final Supplier<? extends Throwable> tooLarge;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  private CappedBody(long limit, Supplier<? extends Throwable> tooLarge) {
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  /**
   * A handler that reads 2xx bodies up to {@code limit} bytes and fails with the error {@code
   * tooLarge} supplies beyond that. Other bodies are discarded: callers check the status first.
   */
  public static BodyHandler<byte[]> handler(long limit, Supplier<? extends Throwable> tooLarge) {
    return info -> {
      if (info.statusCode() / 100 != 2) {
        return BodySubscribers.replacing(new byte[0]);
      }
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      CappedBody body = new CappedBody(limit, tooLarge);
      if (declared > limit) {
        body.result.completeExceptionally(tooLarge.get());
      }
      return body;
    };
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (result.isDone()) {
      subscription.cancel();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + (long) buffer.remaining() > limit) {
        subscription.cancel();
        result.completeExceptionally(tooLarge.get());
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
