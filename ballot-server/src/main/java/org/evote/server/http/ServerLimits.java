package org.evote.server.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty side of {@link HttpLimits}, in front of the application: {@link BodyLoader} receives every body without
 * a thread; a {@link QoSHandler} then admits requests that carry a body (POST, PUT, PATCH, DELETE) a bounded number
 * at a time, the others waiting without a thread, so the thread pool always has room for public reads; a
 * {@link NetworkConnectionLimit} caps connections on every connector; and every connector closes idle connections.
 * Errors these produce go through {@link JsonErrorHandler}, in the API's one JSON shape.
 */
final class ServerLimits {
  /** Idle connections are closed this much sooner while the connection limit is reached. */
  private static final long IDLE_WHEN_FULL_MILLIS = 5_000;

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
      server.addEventListener(new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarting(LifeCycle event) {
          idleTimeout(server, limits.idleTimeout().toMillis());
        }
      });
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

  private static void idleTimeout(Server server, long millis) {
    for (Connector c : server.getConnectors()) {
      if (c instanceof AbstractConnector a) {
        a.setIdleTimeout(millis);
      }
    }
  }
}
