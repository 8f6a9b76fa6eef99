package org.evote.board.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange under one overall deadline and a bound on the answer's body: the headers and the whole body
 * must arrive within the deadline (a peer that drips its answer a byte at a time is cut off, not waited for), and a
 * body longer than the bound is refused as soon as it is seen. {@code HttpRequest.timeout} alone bounds only the
 * wait for the headers. Used for the answers of peers that may be hostile: the board's for its clients, a
 * witness's for the board.
 */
public final class BoundedExchange {
  private BoundedExchange() {}

  /** The answer was longer than the bound. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(int max) {
      super("the answer is longer than " + max + " bytes");
    }
  }

  /**
   * Sends {@code request} and reads its answer's body, at most {@code maxBytes}, all within {@code deadline};
   * throws {@link HttpTimeoutException} past the deadline (the exchange is cancelled) and {@link TooLargeException}
   * for a longer body.
   */
  public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, int maxBytes, Duration deadline)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(request, info -> new Limited(maxBytes));
    try {
      return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new HttpTimeoutException("no whole answer within " + deadline.toMillis() + " ms");
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
        c = c.getCause();
      }
      if (c instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(c), c);
    }
  }

  /** Collects a body of at most {@code max} bytes; cancels the subscription as soon as it is longer. */
  private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Limited(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (out.size() + b.remaining() > max) {
          subscription.cancel();
          body.completeExceptionally(new TooLargeException(max));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      body.complete(out.toByteArray());
    }
  }
}
