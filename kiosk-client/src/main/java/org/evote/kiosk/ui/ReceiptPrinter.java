package org.evote.kiosk.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Prints the receipt's PDF page through JavaFX printing; false when no printer is connected. */
final class ReceiptPrinter {
  private ReceiptPrinter() {}

  static boolean print(Path pdf) throws IOException {
    if (Printer.getDefaultPrinter() == null) {
      return false;
    }
    java.awt.image.BufferedImage page;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      page = new PDFRenderer(doc).renderImageWithDPI(0, 203);
    }
    ImageView view = new ImageView(SwingFXUtils.toFXImage(page, null));
    view.setPreserveRatio(true);
    PrinterJob job = PrinterJob.createPrinterJob();
    if (job == null) {
      return false;
    }
    // The whole page, scaled to fit the paper: the tracking code must never be cut off.
    view.setFitWidth(job.getJobSettings().getPageLayout().getPrintableWidth());
    view.setFitHeight(job.getJobSettings().getPageLayout().getPrintableHeight());
    boolean ok = job.printPage(view);
    return ok && job.endJob();
  }
}
