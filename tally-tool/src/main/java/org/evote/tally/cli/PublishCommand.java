package org.evote.tally.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.RecordVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Posts the record's tally hashes to the board (the only command that uses the network). */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Post the tally of a record to the bulletin board (tally_published).")
public final class PublishCommand implements Callable<Integer> {
  @Option(names = "--server", required = true, description = "board URL") URI server;

  @Option(names = "--admin-credentials", required = true, description = "administrator credential file")
  Path credentials;

  @Parameters(index = "0", description = "record directory") Path record;

  @Override
  public Integer call() throws Exception {
    JsonObject tally = JsonText.readObject(record.resolve(RecordFiles.TALLY));
    JsonObject result = JsonText.readObject(record.resolve(RecordFiles.RESULT));
    List<JsonObject> shares = new ArrayList<>();
    for (JsonValue v : JsonText.readObject(record.resolve(RecordFiles.SHARES)).getJsonArray("shares")) {
      shares.add(v.asJsonObject());
    }
    String body = Json.createObjectBuilder().add("tally_hash", JsonHashes.of(tally).toHex())
        .add("shares_hash", RecordVerifier.sharesHash(shares).toHex())
        .add("result_hash", JsonHashes.of(result).toHex()).build().toString();
    AdminCredentials admin = AdminCredentials.read(credentials);
    HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
        HttpRequest.newBuilder(server.resolve("/api/admin/tally")).timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + admin.token()).POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      System.err.println("error: the board refused (" + r.statusCode() + "): " + r.body());
      return 1;
    }
    System.out.println("published: " + r.body());
    return 0;
  }
}
