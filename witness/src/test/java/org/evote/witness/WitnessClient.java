package org.evote.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client of a witness for the tests: what a board (or a monitor) sends, and the raw answer. */
final class WitnessClient {
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One answer: status, Content-Type and body. */
  record Answer(int status, String contentType, String body) {}

  WitnessClient(URI base) {
    this.base = base;
  }

  Answer addCheckpoint(byte[] body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve("/add-checkpoint")).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  Answer checkpoint(String origin) throws IOException, InterruptedException {
    return get("/" + WitnessStore.originHash(origin) + "/checkpoint");
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private Answer send(HttpRequest r) throws IOException, InterruptedException {
    HttpResponse<byte[]> a = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(a.statusCode(), a.headers().firstValue("Content-Type").orElse(""),
        new String(a.body(), StandardCharsets.UTF_8));
  }
}
