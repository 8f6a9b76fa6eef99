package org.evote.kiosk.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.evote.kiosk.pollworker.RefusalWords;
import org.evote.kiosk.session.Texts;

/**
 * The voter's receipt as a QR code (ZXing) and a one-page PDF (PDFBox) for an 80 mm receipt printer, in the
 * voter's language — every label from the kiosk's bundle, the election's name as the one display-name rule gives it
 * in that language (protocol §5.1), a refusal in the kiosk's words — : election, cast or challenged, the whole tracking code on a line of its own in large type,
 * time, kiosk, board entry or "upload pending", the check URL, the full confirmation code H_C, and a QR code of
 * the look-up URL with H_C in it (docs/protocol.md §5.5); a cast ballot with write-in names says that a write-in was
 * recorded. It carries nothing about the vote, and never a name written.
 */
public final class ReceiptDocument {
  /** 80 mm in PDF points. */
  public static final float PAGE_WIDTH = 80 / 25.4f * 72;
  /** Left and right margin, in points. */
  public static final float MARGIN = 10;
  /** The tracking code's type size: Courier Bold, 19 characters × 0.6 em = 182 pt of the 207 pt line. */
  public static final float CODE_SIZE = 16;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  private ReceiptDocument() {}

  private enum Style { TITLE, CODE, TEXT, SMALL, HEX }

  private record Line(String text, Style style) {}

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

  /** The receipt's QR code: the look-up URL with the full confirmation code (§5.5). */
  public static BufferedImage qrCode(LocalReceipt r, int size) {
    return qrCode(r.lookupUrl().toString(), size);
  }

  private static List<Line> layout(Texts t, String electionName, LocalReceipt r, ZoneId zone) {
    List<Line> out = new ArrayList<>();
    out.add(new Line(electionName, Style.TITLE));
    out.add(new Line(t.get(r.challenged() ? "receipt.print.challenged" : "receipt.print.cast"), Style.TITLE));
    if (r.writeIns() > 0 && !r.challenged()) {
      out.add(new Line(t.get("receipt.print.writeIn", r.writeIns()), Style.TEXT));
    }
    out.add(new Line(t.get("receipt.print.code"), Style.TEXT));
    out.add(new Line(r.trackingCode(), Style.CODE));
    out.add(new Line(t.get("receipt.print.time", TIME.format(Instant.ofEpochSecond(r.timestamp()).atZone(zone))),
        Style.TEXT));
    out.add(new Line(t.get("receipt.print.kiosk", r.kioskId()), Style.TEXT));
    out.add(new Line(r.refusal().map(code -> t.get("receipt.print.refused", RefusalWords.of(t, code)))
        .or(() -> r.boardSequence().map(s -> t.get("receipt.print.entry", String.valueOf(s))))
        .orElse(t.get("receipt.print.pending")), Style.TEXT));
    out.add(new Line(t.get("receipt.print.check"), Style.TEXT));
    out.add(new Line(r.checkUrl().toString(), Style.SMALL));
    out.add(new Line(t.get("receipt.print.fullCode"), Style.SMALL));
    out.add(new Line(r.confirmationCode().substring(0, 32), Style.HEX));
    out.add(new Line(r.confirmationCode().substring(32), Style.HEX));
    return out;
  }

  /** The text lines of the printed receipt in the voter's language, in print order. */
  public static List<String> lines(Texts t, String electionName, LocalReceipt r, ZoneId zone) {
    return layout(t, electionName, r, zone).stream().map(Line::text).toList();
  }

  /**
   * What the receipt screen shows, in the voter's language: the printed lines with the tracking code beside its
   * label, and without the 64-hex code (the QR code next to them carries it), so the screen fits without scrolling.
   */
  public static List<String> screenLines(Texts t, String electionName, LocalReceipt r, ZoneId zone) {
    List<String> out = new ArrayList<>();
    String label = null;
    for (Line line : layout(t, electionName, r, zone)) {
      if (line.text().equals(t.get("receipt.print.code"))) {
        label = line.text();
      } else if (line.style() == Style.CODE) {
        out.add(label + " " + line.text());
      } else if (line.style() != Style.HEX && !line.text().equals(t.get("receipt.print.fullCode"))) {
        out.add(line.text());
      }
    }
    return out;
  }

  /**
   * Saves the receipt as {@code <ballot id>.pdf} in {@code dir} (created if missing), the one path by which the
   * kiosk's screens and the robot voter keep receipts; returns the file.
   */
  public static Path save(Path dir, Texts t, String electionName, LocalReceipt r, ZoneId zone) throws IOException {
    Files.createDirectories(dir);
    Path pdf = dir.resolve(r.ballotId() + ".pdf");
    writePdf(pdf, t, electionName, r, zone);
    return pdf;
  }

  /** Writes the receipt as a PDF page 80 mm wide, as long as its contents need. */
  public static void writePdf(Path file, Texts t, String electionName, LocalReceipt r, ZoneId zone)
      throws IOException {
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    PDType1Font smallMono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    float lineWidth = PAGE_WIDTH - 2 * MARGIN;
    record Run(String text, PDType1Font font, float size) {}
    List<Run> runs = new ArrayList<>();
    for (Line line : layout(t, electionName, r, zone)) {
      PDType1Font font = switch (line.style()) {
        case TITLE -> bold;
        case CODE -> mono;
        case TEXT, SMALL -> regular;
        case HEX -> smallMono;
      };
      float size = switch (line.style()) {
        case TITLE, TEXT -> 9;
        case CODE -> CODE_SIZE;
        case SMALL -> 7;
        case HEX -> 8;
      };
      String text = printable(font, line.text());
      if (line.style() == Style.CODE || line.style() == Style.HEX) {
        // never wrapped: shrunk if it had to be (it does not at these sizes)
        size = Math.min(size, lineWidth / width(font, text, 1));
        runs.add(new Run(text, font, size));
      } else {
        for (String part : wrap(font, size, text, lineWidth)) {
          runs.add(new Run(part, font, size));
        }
      }
    }
    float qrSide = PAGE_WIDTH - 40;
    float textHeight = 0;
    for (Run run : runs) {
      textHeight += run.size() * 1.35f;
    }
    float height = 20 + textHeight + 8 + qrSide + 20;
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, height));
      doc.addPage(page);
      PDImageXObject qr = LosslessFactory.createFromImage(doc, qrCode(r, 400));
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        float y = height - 20;
        for (Run run : runs) {
          y -= run.size();
          s.beginText();
          s.setFont(run.font(), run.size());
          s.newLineAtOffset(MARGIN, y);
          s.showText(run.text());
          s.endText();
          y -= run.size() * 0.35f;
        }
        s.drawImage(qr, 20, y - 8 - qrSide, qrSide, qrSide);
      }
      doc.save(file.toFile());
    }
  }

  private static float width(PDType1Font font, String text, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new IllegalStateException("cannot measure text in " + font.getName(), e);
    }
  }

  /** Word-wraps {@code text} to {@code max} points; a word longer than a line (a URL) is broken anywhere. */
  private static List<String> wrap(PDType1Font font, float size, String text, float max) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, candidate, size) <= max) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        out.add(line.toString());
        line.setLength(0);
      }
      for (int i = 0; i < word.length(); i++) {
        if (!line.isEmpty() && width(font, line.toString() + word.charAt(i), size) > max) {
          out.add(line.toString());
          line.setLength(0);
        }
        line.append(word.charAt(i));
      }
    }
    out.add(line.toString());
    return out;
  }

  /** The standard PDF fonts cover WinAnsi (Latin-1 and a few more); anything else is replaced, not fatal. */
  private static String printable(PDType1Font font, String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      String c = Character.toString(cp);
      try {
        font.encode(c);
        b.append(c);
      } catch (IOException | IllegalArgumentException e) {
        b.append('?');
      }
    });
    return b.toString();
  }
}
