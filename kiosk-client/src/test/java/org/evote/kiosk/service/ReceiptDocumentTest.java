package org.evote.kiosk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.evote.kiosk.pollworker.RefusalWords;
import org.evote.kiosk.session.Texts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptDocumentTest {
  @TempDir
  Path temp;

  static final String FULL = "bd8efdd3b3bd57c4a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899";

  static List<Arguments> receipts() {
    List<Arguments> out = new ArrayList<>();
    for (String language : List.of("en", "es")) {
      for (String code : List.of("BD8E-FDTD-SVTX-AW64", "WWWW-MMMM-WWWW-MMMM", "MMMM-WWWW-MMMM-WWWW",
          "0000-0000-0000-0000")) {
        out.add(Arguments.of(language, code, false));
      }
      out.add(Arguments.of(language, "WWWW-WWWW-WWWW-WWWW", true));
    }
    return out;
  }

  static LocalReceipt receipt(String code, boolean challenged) {
    return new LocalReceipt("ballot-" + code, challenged, code, FULL.substring(0, 64), "kiosk-with-a-long-name-07",
        1_795_252_173L, challenged ? Optional.empty() : Optional.of(1234L), challenged,
        URI.create("https://board.example.org:8443/?code=" + code));
  }

  /** Every run of text on the page, with the right edge of its last glyph and its type size. */
  record Run(String text, float right, float size) {}

  static List<Run> runs(PDDocument doc) throws IOException {
    List<Run> runs = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) throws IOException {
        TextPosition last = positions.get(positions.size() - 1);
        runs.add(new Run(text.strip(), last.getXDirAdj() + last.getWidthDirAdj(), positions.get(0).getFontSizeInPt()));
        super.writeString(text, positions);
      }
    };
    stripper.getText(doc);
    return runs;
  }

  @ParameterizedTest(name = "{0} {1} challenged={2}")
  @MethodSource("receipts")
  void thePdfShowsTheWholeTrackingCodeLargeOnOneLineInTheVotersLanguage(String language, String code,
      boolean challenged) throws Exception {
    Texts t = new Texts(language);
    LocalReceipt r = receipt(code, challenged);
    Path pdf = ReceiptDocument.save(temp, t, "Elección general del condado de Hamilton", r, ZoneId.of("UTC"));
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertEquals(1, doc.getNumberOfPages());
      float pageWidth = doc.getPage(0).getMediaBox().getWidth();
      assertEquals(80 / 25.4 * 72, pageWidth, 0.5, "80 mm wide");
      String text = new PDFTextStripper().getText(doc);
      List<String> lines = text.lines().map(String::strip).toList();
      assertTrue(lines.contains(code), "the exact full code on a line of its own: " + text);
      assertTrue(lines.contains(t.get("receipt.print.code")), text);
      assertTrue(text.contains(t.get(challenged ? "receipt.print.challenged" : "receipt.print.cast")), text);
      assertTrue(text.contains("Elección general"), "Latin-1 letters print: " + text);
      assertTrue(lines.contains(FULL.substring(0, 32)) && lines.contains(FULL.substring(32, 64)), text);
      Run codeRun = runs(doc).stream().filter(x -> x.text().equals(code)).findFirst().orElseThrow();
      assertTrue(codeRun.size() >= 12, "readable: " + codeRun.size() + " pt");
      assertTrue(codeRun.right() <= pageWidth - 5, "inside the page: " + codeRun.right() + " of " + pageWidth);
      for (Run run : runs(doc)) {
        assertTrue(run.right() <= pageWidth - 5, "every line inside the page: " + run);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1} challenged={2}")
  @MethodSource("receipts")
  void theScreenShowsTheCodeBesideItsLabelAndLeavesTheFullCodeToTheQrCode(String language, String code,
      boolean challenged) {
    Texts t = new Texts(language);
    List<String> screen = ReceiptDocument.screenLines(t, "Hamilton County", receipt(code, challenged),
        ZoneId.of("UTC"));
    assertTrue(screen.contains(t.get("receipt.print.code") + " " + code), screen.toString());
    assertFalse(String.join("\n", screen).contains(FULL.substring(0, 32)), screen.toString());
    assertEquals(ReceiptDocument.lines(t, "Hamilton County", receipt(code, challenged), ZoneId.of("UTC")).size() - 4,
        screen.size());
  }

  @ParameterizedTest(name = "{0} {1} challenged={2}")
  @MethodSource("receipts")
  void theQrCodeOnThePrintedPageCarriesTheLookUpUrlWithTheFullConfirmationCode(String language, String code,
      boolean challenged) throws Exception {
    LocalReceipt r = receipt(code, challenged);
    Path pdf = ReceiptDocument.save(temp, new Texts(language), "Hamilton County", r, ZoneId.of("UTC"));
    BufferedImage page;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      page = new PDFRenderer(doc).renderImageWithDPI(0, 203);
    }
    int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
    String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
        page.getWidth(), page.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
    assertEquals("https://board.example.org:8443/?code=" + FULL.substring(0, 64), decoded);
    assertTrue(decoded.contains(r.confirmationCode()));
    assertFalse(decoded.contains(code), "the QR code carries the full code, not the short one");
  }

  @org.junit.jupiter.api.Test
  void aRefusedBallotsReceiptSaysSo_neverUploadPending() throws Exception {
    for (String language : List.of("en", "es")) {
      Texts t = new Texts(language);
      LocalReceipt r = new LocalReceipt("K1-000003", false, "BD8E-FDTD-SVTX-AW64", FULL.substring(0, 64), "K1",
          1_795_252_173L, Optional.empty(), false, URI.create("https://board.example.org/"),
          Optional.of("future_ballot"));
      List<String> screen = ReceiptDocument.screenLines(t, "Hamilton County", r, ZoneId.of("UTC"));
      assertTrue(screen.contains(t.get("receipt.print.refused", RefusalWords.of(t, "future_ballot"))),
          screen.toString());
      assertFalse(String.join("\n", screen).contains("future_ballot"), "no raw refusal code: " + screen);
      assertFalse(screen.contains(t.get("receipt.print.pending")), screen.toString());
    }
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LocalReceipt("K1-1",
        false, "C", FULL.substring(0, 64), "K1", 1L, Optional.empty(), true, URI.create("https://b.example/"),
        Optional.of("future_ballot")));
  }

  /** Issue 13: a Spanish receipt has no English label; what stays the same is the code, kiosk, URL and hex. */
  @org.junit.jupiter.api.Test
  void aSpanishReceiptIsInSpanishThroughout() {
    for (boolean challenged : List.of(false, true)) {
      LocalReceipt r = receipt("BD8E-FDTD-SVTX-AW64", challenged);
      List<String> en = ReceiptDocument.lines(new Texts("en"), "Hamilton County General Election", r,
          ZoneId.of("UTC"));
      List<String> es = ReceiptDocument.lines(new Texts("es"), "Elección general del condado de Hamilton", r,
          ZoneId.of("UTC"));
      assertEquals(en.size(), es.size());
      java.util.Set<String> same = java.util.Set.of(r.trackingCode(), r.checkUrl().toString(),
          r.confirmationCode().substring(0, 32), r.confirmationCode().substring(32));
      for (int i = 0; i < en.size(); i++) {
        if (!same.contains(en.get(i))) {
          assertFalse(en.get(i).equals(es.get(i)), "line " + i + " is not translated: " + es.get(i));
        }
      }
      assertEquals("Elección general del condado de Hamilton", es.get(0));
    }
  }
}
