package org.evote.server.http;

import io.javalin.config.JavalinConfig;
import java.util.Set;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.evote.board.client.ApiPaths;

/**
 * The Jetty side of {@link HttpLimits}, in front of the application: {@link BodyLoader} receives every body without
 * a thread; a {@link QoSHandler} then admits requests that carry a body (POST, PUT, PATCH, DELETE) a bounded number
 * at a time, and a second, smaller one the heavy reads ({@link #HEAVY_READS}), the others waiting without a thread,
 * so the thread pool always has room for public reads; {@link ResponseRate} cuts off clients that read a response
 * too slowly; a {@link NetworkConnectionLimit} caps connections on every connector, {@link ConnectionGuard} the
 * connections from one address and the time a request's headers may take; and every connector closes idle
 * connections. Errors these produce go through {@link JsonErrorHandler}, in the API's one JSON shape.
 */
final class ServerLimits {
  /** Idle connections are closed this much sooner while the connection limit is reached. */
  private static final long IDLE_WHEN_FULL_MILLIS = 5_000;
  /** Reads whose answer grows with the board: pages of entries, proofs, the whole board. */
  static final Set<String> HEAVY_READS = Set.of(ApiPaths.BOARD, ApiPaths.EXPORT, ApiPaths.INCLUSION_PROOF,
      ApiPaths.CONSISTENCY_PROOF, ApiPaths.CHALLENGED, ApiPaths.REFUSED);

  private ServerLimits() {}

  static void apply(JavalinConfig config, HttpLimits limits) {
    QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 8, 60_000);
    threads.setName("board-http");
    config.jetty.threadPool = threads;
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new JsonErrorHandler());
      NetworkConnectionLimit connections = new NetworkConnectionLimit(limits.maxConnections(), server);
      connections.setEndPointIdleTimeout(Math.min(IDLE_WHEN_FULL_MILLIS, limits.idleTimeout().toMillis()));
      server.addBean(connections);
      ConnectionGuard guard = new ConnectionGuard(limits, server.getScheduler());
      server.addBean(guard);
      server.addEventListener(new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarting(LifeCycle event) {
          for (Connector c : server.getConnectors()) {
            if (c instanceof AbstractConnector a) {
              a.setIdleTimeout(limits.idleTimeout().toMillis());
            }
            c.addEventListener(guard);
          }
        }
      });
      // inserted innermost first: the server, BodyLoader, body admission, heavy-read admission, ResponseRate, app
      server.insertHandler(new ResponseRate(limits));
      QoSHandler heavy = new QoSHandler();
      heavy.include(ServerLimits::heavyRead);
      heavy.setMaxRequestCount(limits.maxHeavyReads());
      heavy.setMaxSuspendedRequestCount(limits.maxWaitingHeavyReads());
      heavy.setMaxSuspend(limits.maxWait());
      heavy.setRejectStatusCode(503);
      server.insertHandler(heavy);
      QoSHandler admission = new QoSHandler();
      admission.includeMethod("POST", "PUT", "PATCH", "DELETE");
      admission.setMaxRequestCount(limits.maxBodyRequests());
      admission.setMaxSuspendedRequestCount(limits.maxWaitingBodyRequests());
      admission.setMaxSuspend(limits.maxWait());
      admission.setRejectStatusCode(503);
      server.insertHandler(admission);
      server.insertHandler(new BodyLoader(limits)); // outermost: a body arrives before it waits for admission
    });
  }

  private static boolean heavyRead(Request request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method)) && HEAVY_READS.contains(Request.getPathInContext(request));
  }
}
