package org.evote.kiosk.ui;

import java.time.ZoneId;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.evote.kiosk.pollworker.RefusalWords;
import org.evote.kiosk.service.LocalReceipt;
import org.evote.kiosk.service.ReceiptDocument;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;

/**
 * The receipt of a cast ballot, and the screen of a challenged one: the receipt's lines beside its QR code, where
 * the receipt went (printed, or the file it was saved as), and the button that ends the turn (Finish, or Vote
 * again) below the scrolling part, so it is always on screen.
 */
final class ReceiptView {
  private ReceiptView() {}

  static Node cast(VotingSession session, KioskController controller, Texts t) {
    LocalReceipt r = controller.lastReceipt();
    VBox p = Ui.page(t.get("receipt.title"), "receipt");
    Label state = Ui.text(r.refusal().isPresent() ? t.get("receipt.refused", RefusalWords.of(t, r.refusal().get()))
        : r.uploadPending() ? t.get("receipt.pending") : t.get("receipt.onBoard", r.boardSequence().orElse(-1L)));
    state.setId("upload-state");
    Button done = Ui.primary(t.get("receipt.done"), "done", controller::endVoter);
    Ui.focusFirst(p, done);
    VBox body = new VBox(12, state, receiptBox(controller, t, r), Ui.text(t.get("receipt.help")));
    return framed(p, body, done);
  }

  static Node challenged(VotingSession session, KioskController controller, Texts t) {
    LocalReceipt r = controller.lastReceipt();
    VBox p = Ui.page(t.get("challenged.title"), "challenged");
    Button again = Ui.primary(t.get("challenged.again"), "vote-again", session::voteAgain);
    Ui.focusFirst(p, again);
    VBox body = new VBox(12, Ui.text(t.get("challenged.help", r.trackingCode())), receiptBox(controller, t, r));
    return framed(p, body, again);
  }

  /** The page: its title, the body scrolling if it must, and the button fixed below it. */
  private static Node framed(VBox page, VBox body, Button button) {
    ScrollPane scroll = Ui.pageScroll(body);
    scroll.setId("receipt-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    page.getChildren().addAll(scroll, button);
    return page;
  }

  private static Node receiptBox(KioskController controller, Texts t, LocalReceipt r) {
    VBox lines = new VBox(6);
    lines.setId("receipt-lines");
    for (String line : ReceiptDocument.screenLines(t, controller.receiptElectionName(), r, ZoneId.systemDefault())) {
      lines.getChildren().add(Ui.text(line));
    }
    if (!controller.printStatus().isEmpty()) {
      Label where = Ui.text(controller.printStatus());
      where.setId("print-status");
      where.getStyleClass().add("print-status");
      lines.getChildren().add(where);
    }
    HBox.setHgrow(lines, Priority.ALWAYS);
    lines.setMaxWidth(Double.MAX_VALUE);
    lines.setMinWidth(0);
    ImageView qr = new ImageView(SwingFXUtils.toFXImage(ReceiptDocument.qrCode(r, 220), null));
    qr.setAccessibleText(t.get("receipt.qr"));
    HBox box = new HBox(24, lines, qr);
    box.setAlignment(Pos.TOP_LEFT);
    box.setMinHeight(Region.USE_PREF_SIZE);
    return box;
  }
}
