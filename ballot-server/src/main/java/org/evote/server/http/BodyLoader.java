package org.evote.server.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every request body in full before the application sees the request, without holding a thread while it
 * arrives: the bytes are copied as the network delivers them, and only the complete body is handed on. A body over
 * {@link HttpLimits#maxBodyBytes} is refused (413), one arriving slower than {@link HttpLimits#minBodyBytesPerSecond}
 * on average once {@link HttpLimits#bodyGrace} has passed is cut off (408), and all bodies received and not yet
 * answered hold at most {@link HttpLimits#maxLoadingBytes} (503 beyond): a whole body counts until its request's
 * response is complete, while it waits for admission and while the application handles it. These refusals cost at
 * most one log line a second for each kind ({@link ThrottledLog}). The memory a body takes grows with the bytes that
 * arrived, never with the length a client announces.
 */
final class BodyLoader extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(BodyLoader.class);
  private static final int FIRST_BUFFER = 64 * 1024;

  private final HttpLimits limits;
  /** Bytes of bodies received and not yet answered, across all requests. */
  private final AtomicLong loading = new AtomicLong();

  private final ThrottledLog log = ThrottledLog.perSecond(LOG::info);

  BodyLoader(HttpLimits limits) {
    this.limits = limits;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
    if (declared <= 0 && !chunked) {
      return super.handle(request, response, callback);
    }
    if (declared > limits.maxBodyBytes()) {
      refuse(request, response, callback, 413, tooLarge());
      return true;
    }
    new Load(request, response, callback, declared).start();
    return true;
  }

  /** Bytes of bodies received and not yet answered, right now. */
  long loadingBytes() {
    return loading.get();
  }

  private String tooLarge() {
    return "the request body is over the size limit of " + limits.maxBodyBytes() + " bytes";
  }

  private static void refuse(Request request, Response response, Callback callback, int status, String message) {
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    Response.writeError(request, response, callback, status, message);
  }

  /** One body being received; its methods run one at a time (Jetty's demand callbacks and the rate check). */
  private final class Load implements Runnable, Invocable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long declared;
    private final long started = System.nanoTime();
    private byte[] buffer;
    private int size;
    private boolean finished;
    private Scheduler.Task rateCheck;
    /** True while {@link #start} runs on the request's own thread: a body already here is handed on directly. */
    private boolean starting = true;
    /** True once the whole body is handed on: its bytes then count until the response is complete. */
    private boolean handedOn;

    Load(Request request, Response response, Callback callback, long declared) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.declared = declared;
      this.buffer = new byte[(int) Math.min(declared > 0 ? declared : FIRST_BUFFER, FIRST_BUFFER)];
    }

    void start() {
      scheduleRateCheck(limits.bodyGrace().toMillis());
      Runnable then;
      synchronized (this) {
        then = readAvailable();
        starting = false;
      }
      if (then != null) {
        then.run();
      }
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    /** Reads what has arrived; asks to be called again when more does; answers or hands on outside the lock. */
    @Override
    public void run() {
      Runnable then;
      synchronized (this) {
        then = readAvailable();
      }
      if (then != null) {
        then.run();
      }
    }

    /** What to do once the lock is released: refuse, hand the whole body on, or nothing (more is demanded). */
    private Runnable readAvailable() {
      while (!finished) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return null;
        }
        if (Content.Chunk.isFailure(chunk)) {
          Throwable failure = chunk.getFailure();
          chunk.release();
          return aborted(failure);
        }
        boolean last = chunk.isLast();
        Runnable refused = append(chunk.getByteBuffer());
        chunk.release();
        if (refused != null) {
          return refused;
        }
        if (last) {
          Request whole = new Loaded(request, ByteBuffer.wrap(buffer, 0, size));
          Callback answered = releasing(size);
          handedOn = true;
          finish();
          if (starting) {
            return () -> handOn(whole, answered);
          }
          return () -> request.getContext().execute(() -> handOn(whole, answered));
        }
      }
      return null;
    }

    /** Copies the bytes, or ends the loading and returns the refusal to send. */
    private Runnable append(ByteBuffer bytes) {
      int n = bytes.remaining();
      if (n == 0) {
        return null;
      }
      if ((long) size + n > limits.maxBodyBytes()) {
        finish();
        return () -> refuse(request, response, callback, 413, tooLarge());
      }
      if (loading.addAndGet(n) > limits.maxLoadingBytes()) {
        loading.addAndGet(-n);
        finish();
        log.log("board_busy", () -> "refused a " + request.getMethod() + " " + Request.getPathInContext(request)
            + " body from " + Request.getRemoteAddr(request) + ": " + limits.maxLoadingBytes()
            + " bytes of bodies are received and not yet answered (the limit)");
        return () -> refuse(request, response, callback, 503, "the board is receiving too many request bodies at "
            + "once; retry");
      }
      if (size + n > buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(limits.maxBodyBytes(),
            Math.max((long) size + n, 2L * buffer.length)));
      }
      bytes.get(buffer, size, n);
      size += n;
      return null;
    }

    private Runnable aborted(Throwable failure) {
      finish();
      int received = size;
      log.log("body_incomplete", () -> "a " + request.getMethod() + " " + Request.getPathInContext(request)
          + " body from " + Request.getRemoteAddr(request) + " ended after " + received + " of "
          + (declared < 0 ? "?" : declared) + " bytes: the client went away (" + failure.getClass().getSimpleName()
          + ")");
      return () -> refuse(request, response, callback, 400, "the request body ended early");
    }

    private synchronized void scheduleRateCheck(long delayMillis) {
      Scheduler scheduler = request.getComponents().getScheduler();
      rateCheck = scheduler.schedule(this::checkRate, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** After the grace period, once a second: the body's average rate since the headers must stay above the minimum. */
    private void checkRate() {
      synchronized (this) {
        if (finished) {
          return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (size >= limits.minBodyBytesPerSecond() * seconds) {
          scheduleRateCheck(1000);
          return;
        }
        int received = size;
        finish();
        log.log("body_too_slow", () -> "cut off a " + request.getMethod() + " " + Request.getPathInContext(request)
            + " body from " + Request.getRemoteAddr(request) + ": " + received + " bytes in " + Math.round(seconds)
            + " s, under the minimum of " + limits.minBodyBytesPerSecond() + " bytes/s");
      }
      refuse(request, response, callback, 408, "the request body arrived slower than the board's minimum of "
          + limits.minBodyBytesPerSecond() + " bytes/s");
    }

    /**
     * Ends the loading once: a refused body's bytes no longer count against the limit; a whole one's count until
     * its response is complete ({@link #releasing}).
     */
    private void finish() {
      finished = true;
      if (!handedOn) {
        loading.addAndGet(-size);
      }
      if (rateCheck != null) {
        rateCheck.cancel();
      }
      buffer = null; // a refused body is dropped now; a whole one lives on in its Loaded request
    }

    /** The request's callback, which first releases the body's bytes once the response is complete, either way. */
    private Callback releasing(int bytes) {
      java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
      Runnable release = () -> {
        if (released.compareAndSet(false, true)) {
          loading.addAndGet(-bytes);
        }
      };
      return new Callback.Nested(callback) {
        @Override
        public void succeeded() {
          release.run();
          super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
          release.run();
          super.failed(x);
        }
      };
    }

    private void handOn(Request whole, Callback answered) {
      try {
        if (!getHandler().handle(whole, response, answered)) {
          Response.writeError(request, response, answered, 404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, answered, t);
      }
    }
  }

  /** The request with its whole body already received: read once, then the end of the content. */
  private static final class Loaded extends Request.Wrapper {
    private Content.Chunk body;

    Loaded(Request request, ByteBuffer bytes) {
      super(request);
      this.body = Content.Chunk.from(bytes, true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk c = body;
      if (c == null) {
        return super.read();
      }
      body = null;
      return c;
    }
  }
}
