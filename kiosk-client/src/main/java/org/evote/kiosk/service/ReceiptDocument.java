package org.evote.kiosk.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The voter's receipt as a QR code (ZXing) and a one-page PDF (PDFBox) for a receipt printer: election, tracking
 * code, time, kiosk, board sequence or "upload pending", and the check URL as text and as a QR code. It carries
 * nothing about the vote.
 */
public final class ReceiptDocument {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  private ReceiptDocument() {}

  /** The QR code of {@code text}, {@code size} pixels square, black on white. */
  public static BufferedImage qrCode(String text, int size) {
    try {
      BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
      BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      return img;
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
    }
  }

  /** The text lines of the receipt, in print order (also what the screen shows). */
  public static java.util.List<String> lines(String electionName, LocalReceipt r, ZoneId zone) {
    java.util.List<String> out = new java.util.ArrayList<>();
    out.add(electionName);
    out.add(r.challenged() ? "CHALLENGED BALLOT - NOT COUNTED" : "BALLOT CAST");
    out.add("Tracking code: " + r.trackingCode());
    out.add("Time: " + TIME.format(Instant.ofEpochSecond(r.timestamp()).atZone(zone)));
    out.add("Kiosk: " + r.kioskId());
    out.add(r.boardSequence().map(s -> "Bulletin board entry: " + s).orElse("Upload pending: the kiosk will send it"));
    out.add("Check it at:");
    out.add(r.checkUrl().toString());
    return out;
  }

  /** Writes the receipt as a PDF page sized for an 80 mm receipt printer. */
  public static void writePdf(Path file, String electionName, LocalReceipt r, ZoneId zone) throws IOException {
    float width = 80 / 25.4f * 72;
    float height = 150 / 25.4f * 72;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(width, height));
      doc.addPage(page);
      PDImageXObject qr = LosslessFactory.createFromImage(doc, qrCode(r.checkUrl().toString(), 300));
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        float y = height - 24;
        java.util.List<String> lines = lines(electionName, r, zone);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          PDType1Font font = i == 0 || i == 1 ? bold : i == 2 ? mono : regular;
          float size = i == 2 ? 12 : i == 7 ? 6.5f : 8.5f;
          for (String part : wrap(line, i == 7 ? 48 : 40)) {
            s.beginText();
            s.setFont(font, size);
            s.newLineAtOffset(10, y);
            s.showText(ascii(part));
            s.endText();
            y -= size + 4;
          }
        }
        float q = width - 40;
        s.drawImage(qr, 20, y - q - 6, q, q);
      }
      doc.save(file.toFile());
    }
  }

  private static java.util.List<String> wrap(String line, int max) {
    java.util.List<String> out = new java.util.ArrayList<>();
    String rest = line;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf(' ', max);
      cut = cut <= 0 ? max : cut;
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    out.add(rest);
    return out;
  }

  /** The standard PDF fonts cover Latin-1; anything else is replaced rather than failing to print. */
  private static String ascii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 256 ? c : '?');
    }
    return b.toString();
  }
}
