package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Review finding M1: a whole body's bytes count against {@link HttpLimits#maxLoadingBytes} until its request's
 * response is complete (while it waits for admission and while the application handles it), not only while it
 * arrives; so bodies held by the application can never add up beyond the limit. A real Jetty server on loopback with
 * {@link BodyLoader} in front of an application that holds each request until the test lets it go.
 */
class BodyAccountingTest {
  static final int BODY = 60_000;
  static final HttpLimits LIMITS = new HttpLimits(64_000, 1024, Duration.ofSeconds(10), 100_000, 4, 16,
      Duration.ofSeconds(30), 100, Duration.ofSeconds(30), 40, 1024, 4, 16, Duration.ofSeconds(10), 100);

  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private Server server;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (server != null) {
      server.stop();
    }
  }

  @Test
  @Timeout(60)
  void aBodyCountsUntilItsResponseIsCompleteAndHeldBodiesAddUpToTheLimit() throws Exception {
    BodyLoader loader = new BodyLoader(LIMITS);
    loader.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = Content.Source.asByteBuffer(request).remaining();
        arrived.countDown();
        release.await(30, TimeUnit.SECONDS);
        response.write(true, ByteBuffer.wrap(("got " + length).getBytes(StandardCharsets.US_ASCII)), callback);
        return true;
      }
    });
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(loader);
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    HttpClient http = HttpClient.newHttpClient();

    CompletableFuture<HttpResponse<String>> first = http.sendAsync(post(uri), HttpResponse.BodyHandlers.ofString());
    assertTrue(arrived.await(20, TimeUnit.SECONDS), "the whole body reached the application");
    assertEquals(BODY, loader.loadingBytes(), "a whole body being handled still counts");

    // A second body would take the bytes held over the limit: refused while the first is held.
    HttpResponse<String> second = http.send(post(uri), HttpResponse.BodyHandlers.ofString());
    assertEquals(503, second.statusCode(), second.body());
    assertEquals(BODY, loader.loadingBytes(), "the refused body no longer counts");

    release.countDown();
    HttpResponse<String> answered = first.get(20, TimeUnit.SECONDS);
    assertEquals(200, answered.statusCode());
    assertEquals("got " + BODY, answered.body());
    assertEquals(0, settled(loader), "released once the response is complete");

    HttpResponse<String> third = http.send(post(uri), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, third.statusCode(), "room again once the first is answered: " + third.body());
    assertEquals(0, settled(loader));
  }

  /** The count once the last response's completion has run (it may follow the client's receipt by a moment). */
  private static long settled(BodyLoader loader) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (loader.loadingBytes() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return loader.loadingBytes();
  }

  private static HttpRequest post(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[BODY])).build();
  }
}
