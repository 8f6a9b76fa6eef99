package org.evote.tally.gui;

import java.io.File;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The building blocks the pages share: headings, wrapped help, forms whose labels and buttons keep their full
 * width (never cut off), and messages shown by their {@link Feedback.Kind}: a word before them ("Error", "Note",
 * "Done"), their own colours (style classes {@code error}, {@code warning}, {@code info}, {@code success}) and
 * the kind in their accessible text.
 */
final class Widgets {
  private final GuiTexts texts;
  private final Supplier<Window> window;

  Widgets(GuiTexts texts, Supplier<Window> window) {
    this.texts = texts;
    this.window = window;
  }

  GuiTexts texts() {
    return texts;
  }

  String t(String key, Object... args) {
    return texts.get(key, args);
  }

  /** A page: its heading and content, scrolling vertically when taller than the window. */
  ScrollPane page(String headingKey, Node... content) {
    VBox page = new VBox(16, title(t(headingKey)));
    page.getChildren().addAll(content);
    page.setPadding(new Insets(24));
    page.getStyleClass().add("page");
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("page-scroll");
    return scroll;
  }

  static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("title");
    l.setWrapText(true);
    return l;
  }

  Label help(String key) {
    Label l = new Label(t(key));
    l.setWrapText(true);
    l.getStyleClass().add("help");
    return l;
  }

  /** A label at its preferred width: never shortened with an ellipsis. */
  Label label(String key, Object... args) {
    Label l = new Label(t(key, args));
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** A message that shows its kind: colours, a leading word, and the kind in its accessible text. */
  Label message(String id, Feedback feedback) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMaxWidth(Double.MAX_VALUE);
    l.getStyleClass().add("message");
    l.setAccessibleRole(AccessibleRole.TEXT);
    Label badge = new Label();
    badge.getStyleClass().add("badge");
    badge.setMinWidth(Region.USE_PREF_SIZE);
    l.setGraphic(badge);
    Runnable show = () -> {
      Feedback.Kind kind = feedback.kind();
      String word = t("message." + kind.name());
      l.getStyleClass().removeAll("error", "warning", "info", "success");
      l.getStyleClass().add(kind.name().toLowerCase(java.util.Locale.ROOT));
      badge.setText(word);
      l.setText(feedback.text());
      l.setAccessibleText(word + ": " + feedback.text());
      l.setVisible(!feedback.text().isEmpty());
      l.setManaged(l.isVisible());
    };
    feedback.textProperty().addListener((o, a, b) -> show.run());
    feedback.kindProperty().addListener((o, a, b) -> show.run());
    show.run();
    return l;
  }

  /** A form: labels at their preferred width, fields take the rest, buttons keep their width. */
  static GridPane form() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(8);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    ColumnConstraints buttons = new ColumnConstraints();
    buttons.setMinWidth(Region.USE_PREF_SIZE);
    g.getColumnConstraints().addAll(labels, fields, buttons);
    return g;
  }

  static TextField pathField(String id, StringProperty property) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(30);
    f.setMaxWidth(Double.MAX_VALUE);
    f.textProperty().bindBidirectional(property);
    return f;
  }

  Button button(String key, String id, Runnable action) {
    Button b = new Button(t(key));
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setOnAction(e -> action.run());
    return b;
  }

  static HBox row(Node... nodes) {
    HBox h = new HBox(8, nodes);
    return h;
  }

  Button browseFile(TextField target, String titleKey) {
    return browse(target, () -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(t(titleKey));
      return chooser.showOpenDialog(window.get());
    });
  }

  Button browseDir(TextField target, String titleKey) {
    return browse(target, () -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle(t(titleKey));
      return chooser.showDialog(window.get());
    });
  }

  private Button browse(TextField target, Supplier<File> choose) {
    Button b = new Button(t("browse"));
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setOnAction(e -> {
      File f = choose.get();
      if (f != null) {
        target.setText(f.getAbsolutePath());
      }
    });
    return b;
  }
}
