package org.evote.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between kiosks and the board whose cable can be pulled: while cut, every open connection
 * is reset and new ones are closed at once, as when the polling place loses its network. It can also lose the
 * board's answers only (requests reach the board, and the connection dies before the answer gets back), or swallow
 * everything silently (connections accepted, never answered).
 */
final class BlockingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private volatile boolean dropAnswers;
  private volatile boolean blackHole;

  BlockingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "blocking-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Pulls the cable. */
  void cut() {
    cut = true;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  /** Lets requests through but loses every answer (the connection is closed as the answer starts). */
  void dropAnswers() {
    dropAnswers = true;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  /** Swallows everything: connections are accepted and never answered, as when packets vanish on the way. */
  void blackHole() {
    blackHole = true;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  /** Plugs it back in. */
  void restore() {
    cut = false;
    dropAnswers = false;
    if (blackHole) {
      blackHole = false;
      for (Socket s : open) {
        closeQuietly(s);
      }
      open.clear();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          client.setSoLinger(true, 0);
          client.close();
          continue;
        }
        if (blackHole) {
          open.add(client); // held open, never read, never answered
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        if (cut) { // cut while this connection was being set up
          closeQuietly(client);
          closeQuietly(server);
          continue;
        }
        boolean loseAnswers = dropAnswers;
        pump(client, server, false);
        pump(server, client, loseAnswers);
      } catch (IOException e) {
        // listener closed, or the board refused the connection: the client sees it closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean loseAnswer) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (loseAnswer) {
            to.setSoLinger(true, 0);
            break; // the board answered; the answer is lost with the connection
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // connection closed or cut
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "blocking-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
  }
}
