package org.evote.launcher.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attackers that each hold a connection sending a submission's body one byte every {@code dripMillis}: as many as
 * asked, kept open (one cut off by the board is replaced at once), on one thread, until {@link #close}. The board
 * must cut them off by its minimum data rate while every other client is served as before.
 */
final class SlowClients implements AutoCloseable {
  private static final int DECLARED_BYTES = 100_000;

  private final URI board;
  private final int count;
  private final long dripMillis;
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong cutOff = new AtomicLong();
  private final Thread thread;

  SlowClients(URI board, int count, long dripMillis) {
    this.board = board;
    this.count = count;
    this.dripMillis = dripMillis;
    this.thread = new Thread(this::run, "slow-clients");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Connections opened in all (the first {@code count} and every replacement). */
  long opened() {
    return opened.get();
  }

  /** Connections the board answered or closed while they were still sending. */
  long cutOff() {
    return cutOff.get();
  }

  private void run() {
    try {
      while (!stop.get()) {
        while (sockets.size() < count && !stop.get()) {
          Socket s = open();
          if (s == null) {
            break;
          }
          sockets.add(s);
        }
        for (int i = sockets.size() - 1; i >= 0; i--) {
          Socket s = sockets.get(i);
          if (!drip(s)) {
            cutOff.incrementAndGet();
            quietly(s);
            sockets.remove(i);
          }
        }
        Thread.sleep(dripMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sockets.forEach(SlowClients::quietly);
      sockets.clear();
    }
  }

  private Socket open() {
    try {
      // from 8 loopback addresses, as 8 hosts: the board caps the connections from one address
      Socket s = new Socket(InetAddress.getLoopbackAddress(), board.getPort(),
          InetAddress.getByName("127.0.0." + (100 + opened.get() % 8)), 0);
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/ballots HTTP/1.1\r\nHost: " + board.getAuthority() + "\r\nContent-Type: "
          + "application/json\r\nContent-Length: " + DECLARED_BYTES + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      opened.incrementAndGet();
      return s;
    } catch (IOException e) {
      return null; // the board is at its connection limit: try again next round
    }
  }

  /** One more byte; false once the board has answered (408) or closed the connection. */
  private static boolean drip(Socket s) {
    try {
      if (s.getInputStream().available() > 0) {
        return false;
      }
      s.getOutputStream().write(' ');
      s.getOutputStream().flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void quietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.interrupt();
    thread.join(10_000);
  }
}
