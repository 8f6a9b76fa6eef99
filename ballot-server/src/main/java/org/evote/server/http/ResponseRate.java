package org.evote.server.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimum rate for the responses to reads (GET, HEAD): once {@link HttpLimits#bodyGrace} has passed since the
 * request reached the application, and then every second, the bytes the connection has sent for it must average at
 * least {@link HttpLimits#minResponseBytesPerSecond}; a client reading slower is cut off (its connection closed),
 * so a slow reader holds a thread for a bounded time. Jetty 12 has no minimum response rate of its own
 * ({@code HttpConfiguration.minResponseDataRate} is not enforced). Requests with a body are not timed: they may wait
 * for the proof-checking permits before they answer.
 */
final class ResponseRate extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseRate.class);

  private final HttpLimits limits;
  private final ThrottledLog log = ThrottledLog.perSecond(LOG::info);

  ResponseRate(HttpLimits limits) {
    this.limits = limits;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return super.handle(request, response, callback);
    }
    Timed timed = new Timed(request, callback);
    timed.schedule(limits.bodyGrace().toMillis());
    return super.handle(request, response, timed);
  }

  /** Why the connection of a response read too slowly was closed (its writer's failure has it as a cause). */
  static final class CutOff extends TimeoutException {
    private static final long serialVersionUID = 1L;

    CutOff() {
      super("the response was read slower than the board's minimum rate");
    }
  }

  /** One response being sent; its callback ends the timing. */
  private final class Timed extends Callback.Nested {
    private final Request request;
    private final Connection connection;
    private final long baseline;
    private final long started = System.nanoTime();
    private Scheduler.Task check;
    private boolean done;

    Timed(Request request, Callback callback) {
      super(callback);
      this.request = request;
      this.connection = request.getConnectionMetaData().getConnection();
      this.baseline = connection.getBytesOut();
    }

    synchronized void schedule(long delayMillis) {
      if (!done) {
        check = request.getComponents().getScheduler().schedule(this::check, delayMillis, TimeUnit.MILLISECONDS);
      }
    }

    private void check() {
      long sent = connection.getBytesOut() - baseline;
      double seconds = (System.nanoTime() - started) / 1e9;
      synchronized (this) {
        if (done) {
          return;
        }
        if (sent >= limits.minResponseBytesPerSecond() * seconds) {
          schedule(1000);
          return;
        }
        done = true;
      }
      log.log("response_too_slow", () -> "cut off a " + request.getMethod() + " "
          + Request.getPathInContext(request) + " response to " + Request.getRemoteAddr(request) + ": " + sent
          + " bytes in " + Math.round(seconds) + " s, under the minimum of " + limits.minResponseBytesPerSecond()
          + " bytes/s");
      connection.getEndPoint().close(new CutOff());
    }

    private void end() {
      synchronized (this) {
        done = true;
        if (check != null) {
          check.cancel();
        }
      }
    }

    @Override
    public void succeeded() {
      end();
      super.succeeded();
    }

    @Override
    public void failed(Throwable x) {
      end();
      super.failed(x);
    }
  }
}
