package org.evote.tally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.testing.TestData;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.ManifestReview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key ceremony lists every selection without a name and every language with untranslated text, and runs only
 * once the official confirmed them (on the console, or {@code --accept-manifest-warnings}); refused, it writes
 * nothing.
 */
class CeremonyConfirmationTest {
  @TempDir
  Path temp;

  private final Path manifest = TestData.path("electionguard/manifest-small.json");

  private List<String> passphraseArgs() throws Exception {
    List<String> args = new ArrayList<>();
    for (int g = 1; g <= 3; g++) {
      Path p = temp.resolve("g" + g + ".pass");
      Files.writeString(p, "guardian " + g + " passphrase\n");
      args.add("--passphrase-file");
      args.add(p.toString());
    }
    return args;
  }

  private Cli ceremony(Path out, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("ceremony", "--manifest", manifest.toString(), "--guardians", "3",
        "--quorum", "2", "--out", out.toString()));
    args.addAll(passphraseArgs());
    args.addAll(List.of(extra));
    return Cli.tally(args.toArray(String[]::new));
  }

  @Test
  void withoutAConsoleOrTheFlagTheCeremonyIsRefusedNamingTheFlagAndWritesNothing() throws Exception {
    Path out = temp.resolve("refused");
    Cli run = ceremony(out);
    assertEquals(2, run.code(), run.printed());
    assertTrue(run.err().contains("The manifest has 7 warnings to confirm before the key ceremony"), run.err());
    assertTrue(run.err().contains("warning: contest \"Representative to US Congress\": choice 1 (selection "
        + "john-hancock-selection) names candidate \"john-hancock\", which the manifest does not list with a name"),
        run.err());
    assertTrue(run.err().contains("error: no console to confirm the manifest on; read the warnings above and pass "
        + "--accept-manifest-warnings to run the ceremony with this manifest (nothing was written)"), run.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void theFlagRunsTheCeremonyAndStillPrintsTheWarnings() throws Exception {
    Path out = temp.resolve("accepted");
    Cli run = ceremony(out, "--accept-manifest-warnings");
    assertEquals(0, run.code(), run.printed());
    assertTrue(run.err().contains("warning: contest \"Ozark School Board\": choice 3"), run.err());
    assertTrue(run.err().contains("Accepted with --accept-manifest-warnings."), run.err());
    assertTrue(Files.isRegularFile(out.resolve("election.json")));
  }

  @Test
  void guardianInitIsConfirmedToo() throws Exception {
    Path out = temp.resolve("g1");
    Path pass = temp.resolve("p");
    Files.writeString(pass, "guardian 1 passphrase\n");
    Cli refused = Cli.tally("ceremony", "guardian-init", "--manifest", manifest.toString(), "--guardians", "3",
        "--quorum", "2", "--index", "1", "--out", out.toString(), "--passphrase-file", pass.toString());
    assertEquals(2, refused.code(), refused.printed());
    assertTrue(refused.err().contains("--accept-manifest-warnings"), refused.err());
    assertFalse(Files.exists(out));
    Cli accepted = Cli.tally("ceremony", "guardian-init", "--manifest", manifest.toString(), "--guardians", "3",
        "--quorum", "2", "--index", "1", "--out", out.toString(), "--passphrase-file", pass.toString(),
        "--accept-manifest-warnings");
    assertEquals(0, accepted.code(), accepted.printed());
  }

  @Test
  void onlyYesGoesOn() throws Exception {
    for (String answer : List.of("y\n", "Yes\n", " y \n")) {
      StringWriter asked = new StringWriter();
      assertTrue(ManifestConfirmation.ask(new BufferedReader(new StringReader(answer)), new PrintWriter(asked)));
      assertEquals("Run the key ceremony with this manifest? [y/N] ", asked.toString());
    }
    for (String answer : List.of("\n", "n\n", "no\n", "", "maybe\n")) {
      assertFalse(ManifestConfirmation.ask(new BufferedReader(new StringReader(answer)),
          new PrintWriter(new StringWriter())), answer);
    }
  }

  @Test
  void theServiceRefusesUnconfirmedWarningsBeforeWritingAnything() throws Exception {
    Manifest m = ManifestJson.decode(JsonText.readObject(manifest));
    ManifestReview review = ManifestReview.of(m);
    assertEquals(7, review.unnamed().size());
    assertTrue(review.hasWarnings());
    Path out = temp.resolve("service");
    List<char[]> pass = List.of("a passphrase 1".toCharArray(), "a passphrase 2".toCharArray(),
        "a passphrase 3".toCharArray());
    ManifestReview.NotConfirmedException e = assertThrows(ManifestReview.NotConfirmedException.class,
        () -> new CeremonyService(new SecureRandom()).run(m, 3, 2, pass, out, false));
    assertEquals(review, e.review());
    assertFalse(Files.exists(out));
  }

  @Test
  void untranslatedLanguagesAreListed() throws Exception {
    Manifest m = ManifestJson.decode(JsonText.readObject(TestData.path("electionguard/manifest-full.json")));
    ManifestReview review = ManifestReview.of(m);
    assertEquals(1, review.untranslated().size(), review.lines().toString());
    assertTrue(review.lines().get(review.lines().size() - 1).startsWith("language \"es\": "), review.lines()
        .toString());
  }
}
