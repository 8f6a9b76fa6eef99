package org.evote.tally.gui;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.RecordFiles;
import org.evote.tally.service.PublishService;

/**
 * The publish step (what {@code tally publish} does): the administrator opens their credential file with its
 * passphrase, the record's {@code tally_published} entry is posted to the board, and the final board with its
 * checkpoint is downloaded into the record. The passphrase is held only as a char array and wiped once used.
 */
public final class PublishViewModel {
  private final PublishService service;
  private final Background background;
  private final GuiTexts texts;
  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty credentials = new SimpleStringProperty("");
  private final StringProperty record = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");
  private final ObjectProperty<PublishService.Published> published = new SimpleObjectProperty<>();
  private final Feedback message = new Feedback();
  private final Duration wait;

  public PublishViewModel(PublishService service, Background background, GuiTexts texts, Duration wait) {
    this.service = service;
    this.background = background;
    this.texts = texts;
    this.wait = wait;
  }

  /** The board's URL, e.g. https://board.example:8443. */
  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty credentialsPathProperty() {
    return credentials;
  }

  /** The record folder the tally wrote. */
  public StringProperty recordPathProperty() {
    return record;
  }

  /** Optional: the election notice, to wait for its quorum of witnesses' cosignatures. */
  public StringProperty noticePathProperty() {
    return notice;
  }

  public ReadOnlyObjectProperty<PublishService.Published> publishedProperty() {
    return published;
  }

  public Feedback message() {
    return message;
  }

  /** Publishes the record's tally; {@code passphrase} (the credential file's) is wiped by this call. */
  public void publish(char[] passphrase) {
    char[] secret = passphrase.clone();
    Arrays.fill(passphrase, '\0');
    URI uri;
    Path cred;
    Path rec;
    Optional<Path> noticeFile;
    try {
      uri = new URI(server.get().strip());
      cred = Path.of(credentials.get().strip());
      rec = Path.of(record.get().strip());
      noticeFile = notice.get().isBlank() ? Optional.empty() : Optional.of(Path.of(notice.get().strip()));
    } catch (URISyntaxException e) {
      Arrays.fill(secret, '\0');
      message.error(texts.get("publish.badServer", server.get()));
      return;
    } catch (InvalidPathException e) {
      Arrays.fill(secret, '\0');
      message.error(texts.get("path.invalid", e.getInput()));
      return;
    }
    String problem = server.get().isBlank() || credentials.get().isBlank() || record.get().isBlank()
        ? texts.get("publish.fillIn")
        : uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            ? texts.get("publish.badServer", server.get())
            : !Files.exists(rec.resolve(RecordFiles.RESULT)) ? texts.get("publish.noResult", rec) : null;
    if (problem != null) {
      Arrays.fill(secret, '\0');
      message.error(problem);
      return;
    }
    message.info(texts.get("publish.running", uri));
    boolean started = background.start(() -> {
      AdminCredentials admin;
      try {
        admin = AdminCredentials.read(cred, secret);
      } catch (EncryptedKeyFile.WrongPassphraseException e) {
        throw new IllegalArgumentException(texts.get("publish.wrongPassphrase", cred.getFileName()));
      } finally {
        Arrays.fill(secret, '\0');
      }
      Optional<WitnessPolicy> policy = Optional.empty();
      if (noticeFile.isPresent()) {
        policy = Optional.of(NoticeJson.decode(JsonText.readObject(noticeFile.get())).witnessPolicy());
      }
      try {
        return service.publish(uri, admin, rec, policy, wait);
      } catch (org.evote.board.client.BoardUnavailableException e) {
        if (e.noAnswer() && !e.wrongCertificate()) {
          throw new IllegalArgumentException(texts.get("publish.unreachable", uri));
        }
        throw e;
      }
    }, p -> {
      published.set(p);
      message.success(texts.get(p.earlier() ? "publish.already" : "publish.done", p.entry().sequence(),
          p.entry().entryHash().toHex(), p.download().entries(), rec.toAbsolutePath()));
    }, error -> message.error(texts.get("publish.failed", error)));
    if (!started) {
      Arrays.fill(secret, '\0');
    }
  }
}
