package org.evote.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two limits on connections, beside the global cap: at most {@link HttpLimits#maxConnectionsPerAddress} open from one
 * client address (a new one beyond it is closed at once), and a request's headers must all arrive within
 * {@link HttpLimits#headerDeadline} of their first byte, however slowly they trickle in (the idle timeout alone
 * restarts with every byte). A sweep once a second looks at each HTTP/1 connection's parser: one seen inside a
 * request's headers for longer than the deadline, with no request completed meanwhile, is closed.
 */
final class ConnectionGuard extends AbstractLifeCycle implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  private final int perAddress;
  private final long deadlineNanos;
  private final Scheduler scheduler;
  private final Map<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
  private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Headers> watched = new ConcurrentHashMap<>();
  private final ThrottledLog log = ThrottledLog.perSecond(LOG::info);
  private volatile Scheduler.Task sweep;

  /** Since when a connection has been seen inside one request's headers (0: not inside them). */
  private static final class Headers {
    long since;
    long messagesIn = -1;
  }

  ConnectionGuard(HttpLimits limits, Scheduler scheduler) {
    this.perAddress = limits.maxConnectionsPerAddress();
    this.deadlineNanos = limits.headerDeadline().toNanos();
    this.scheduler = scheduler;
  }

  @Override
  protected void doStart() {
    schedule();
  }

  @Override
  protected void doStop() {
    Scheduler.Task t = sweep;
    if (t != null) {
      t.cancel();
    }
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      watched.put(http, new Headers());
    }
    if (!(connection.getEndPoint() instanceof SelectableChannelEndPoint network)) {
      return; // e.g. HTTP over TLS: its network connection is the TLS one, counted once
    }
    SocketAddress remote = network.getRemoteSocketAddress();
    if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
      return;
    }
    InetAddress address = inet.getAddress();
    counted.put(connection, address);
    int open = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    if (open > perAddress) {
      log.log("connections_per_address", () -> "closed a new connection from " + address.getHostAddress() + ": "
          + perAddress + " connections from this address are open (the limit)");
      network.close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (connection instanceof HttpConnection http) {
      watched.remove(http);
    }
    InetAddress address = counted.remove(connection);
    if (address != null) {
      byAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /** Connections open from this address now. */
  int openFrom(InetAddress address) {
    AtomicInteger n = byAddress.get(address);
    return n == null ? 0 : n.get();
  }

  private void schedule() {
    if (isRunning() || isStarting()) {
      sweep = scheduler.schedule(this::sweep, 1, TimeUnit.SECONDS);
    }
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      watched.forEach((connection, headers) -> check(connection, headers, now));
    } catch (RuntimeException e) {
      LOG.warn("the header deadline sweep failed", e);
    } finally {
      schedule();
    }
  }

  private void check(HttpConnection connection, Headers headers, long now) {
    HttpParser.State state = connection.getParser().getState();
    boolean inHeaders = state.ordinal() > HttpParser.State.START.ordinal()
        && state.ordinal() <= HttpParser.State.HEADER.ordinal();
    long messages = connection.getMessagesIn();
    if (!inHeaders || messages != headers.messagesIn) {
      headers.since = inHeaders ? now : 0;
      headers.messagesIn = messages;
      return;
    }
    if (headers.since == 0) {
      headers.since = now;
    } else if (now - headers.since > deadlineNanos) {
      log.log("header_deadline", () -> "closed a connection from "
          + connection.getEndPoint().getRemoteSocketAddress() + ": its request headers took over "
          + TimeUnit.NANOSECONDS.toSeconds(deadlineNanos) + " s");
      watched.remove(connection);
      connection.getEndPoint().close();
    }
  }
}
