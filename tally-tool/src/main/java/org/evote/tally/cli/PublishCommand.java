package org.evote.tally.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.tally.service.TallyPublication;
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
    String body = TallyPublication.body(record);
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
